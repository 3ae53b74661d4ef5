import type { AnyCommand } from './command';

export const TRANSCRIPTION_COMMANDS: readonly AnyCommand[] = [];
