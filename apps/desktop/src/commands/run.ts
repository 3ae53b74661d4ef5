import type { AnyCommand } from './command';

export const RUN_COMMANDS: readonly AnyCommand[] = [];
