import type { HostEnvironment } from './data-dir';
import type { CommandOutcome } from './output';

/** What a command action gets from the program: the host and a place to put its outcome. */
export interface CommandContext {
  readonly host: HostEnvironment;
  report(outcome: CommandOutcome): void;
}
