import type { AnyCommand } from './command';

export const PEER_REVIEW_COMMANDS: readonly AnyCommand[] = [];
