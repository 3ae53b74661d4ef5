import type { AnyCommand } from './command';

export const FEEDBACK_COMMANDS: readonly AnyCommand[] = [];
