import type { AnyCommand } from './command';

export const OUTLINE_COMMANDS: readonly AnyCommand[] = [];
