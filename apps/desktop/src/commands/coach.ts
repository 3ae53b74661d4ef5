import type { AnyCommand } from './command';

export const COACH_COMMANDS: readonly AnyCommand[] = [];
