/**
 * How long a stop may take: open requests get 5 s (the server's close grace), then the commands
 * already taken finish and every database is closed. Past this, the host exits anyway.
 */
export const STOP_DEADLINE_MS = 10_000;

export interface ShutdownLog {
  out(line: string): void;
  err(line: string): void;
}

export interface ShutdownOptions {
  readonly deadlineMs?: number;
  /** Ends the process with a code, once everything is closed (tests pass a stand-in). */
  readonly exit?: (code: number) => void;
  /** Ends the process at once, whatever still runs (tests pass a stand-in). */
  readonly kill?: (signal: NodeJS.Signals) => void;
}

/**
 * The stop sequence for one signal: close the host (the server stops taking requests, open ones
 * finish, pending commands finish, databases close checkpointed), then exit 0, or 1 if closing
 * failed. Two things end it early, each saying so on stderr:
 *
 * - the deadline: a command that never finishes (a worker thread stuck in a system call, as
 *   opening a FIFO with no writer was) would otherwise hold the process for good, signals and
 *   all. The databases are then left open: WAL mode keeps every committed write, and the next
 *   start opens them as after a crash;
 * - a second signal: the user asked twice.
 *
 * Both end the process by the signal itself, with its default action, rather than
 * `process.exit`: a normal exit waits for the worker threads, which a stuck one never ends.
 */
export function createStopper(host: { close(): Promise<void> }, log: ShutdownLog, options: ShutdownOptions = {}): (signal: NodeJS.Signals) => void {
  const deadlineMs = options.deadlineMs ?? STOP_DEADLINE_MS;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const kill = options.kill ?? dieBySignal;
  let stopping = false;
  let ended = false;
  const end = (finish: () => void): void => {
    if (ended) return;
    ended = true;
    finish();
  };
  return (signal) => {
    if (stopping) {
      log.err(`${signal} again: exiting at once, without waiting for running commands`);
      end(() => kill(signal));
      return;
    }
    stopping = true;
    log.out(`${signal}: stopping`);
    const deadline = setTimeout(() => {
      log.err(`stop: commands still running after ${deadlineMs / 1000} s; exiting without closing the databases (the next start recovers them)`);
      end(() => kill(signal));
    }, deadlineMs);
    host.close().then(
      () => {
        clearTimeout(deadline);
        end(() => exit(0));
      },
      () => {
        clearTimeout(deadline);
        end(() => exit(1));
      },
    );
  };
}

/** Stops the host on SIGINT (Ctrl+C) and SIGTERM. */
export function stopOnSignals(host: { close(): Promise<void> }, log: ShutdownLog, options: ShutdownOptions = {}): void {
  const stop = createStopper(host, log, options);
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/**
 * Ends the process by `signal` with the system's default action (terminate): this app's
 * handlers are removed first, so Node no longer catches it, and no exit handler runs.
 */
function dieBySignal(signal: NodeJS.Signals): void {
  process.removeAllListeners(signal);
  process.kill(process.pid, signal);
}
