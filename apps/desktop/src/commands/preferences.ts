import type { AnyCommand } from './command';

export const PREFERENCE_COMMANDS: readonly AnyCommand[] = [];
