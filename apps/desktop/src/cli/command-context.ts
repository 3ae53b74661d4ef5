import type { HostEnvironment } from './data-dir';
import type { CliStreams, CommandOutcome } from './output';

/**
 * What a command action gets from the program: the host, the streams (for the progress it shows
 * while it works; its outcome is printed by the program; without them it shows none) and a place
 * to put its outcome.
 */
export interface CommandContext {
  readonly host: HostEnvironment;
  readonly streams?: CliStreams;
  report(outcome: CommandOutcome): void;
}
