import type { AnyCommand } from './command';

export const AUDIO_COMMANDS: readonly AnyCommand[] = [];
