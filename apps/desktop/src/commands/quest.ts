import type { AnyCommand } from './command';

export const QUEST_COMMANDS: readonly AnyCommand[] = [];
