import type { AnyCommand } from './command';

export const PACK_COMMANDS: readonly AnyCommand[] = [];
