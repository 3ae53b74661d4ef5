import type { AnyCommand } from './command';

export const PROJECT_COMMANDS: readonly AnyCommand[] = [];
