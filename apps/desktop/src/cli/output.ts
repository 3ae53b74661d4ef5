import { EXIT_OK, exitCodeFor } from './cli-error';
import type { SafeError } from './safe-error';

/** Where the CLI writes: stdout and stderr in production, buffers in tests. */
export interface CliStreams {
  out(text: string): void;
  err(text: string): void;
}

export const processStreams: CliStreams = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
};

/** What a command produced, printed either as one JSON object or as lines of text. */
export interface CommandOutcome {
  readonly ok: boolean;
  /** The first failure when `ok` is false. */
  readonly error: SafeError | null;
  /** Fields of the JSON envelope beside `ok` and `error`. Never absolute paths. */
  readonly fields: Readonly<Record<string, unknown>>;
  /** Human-readable lines for stdout. */
  readonly text: readonly string[];
}

/**
 * Prints an outcome and returns the exit code (0 only when ok). With `json`, stdout receives
 * exactly one JSON object: `{"ok":true,...}` or `{"ok":false,"error":{"code","message"},...}`.
 * Without it, the lines go to stdout and the error to stderr.
 */
export function emitOutcome(outcome: CommandOutcome, json: boolean, streams: CliStreams): number {
  if (json) {
    const envelope = { ok: outcome.ok, ...(outcome.error ? { error: outcome.error } : {}), ...outcome.fields };
    streams.out(`${JSON.stringify(envelope)}\n`);
  } else {
    if (outcome.text.length > 0) streams.out(`${outcome.text.join('\n')}\n`);
    if (outcome.error) streams.err(`lepupitre: ${outcome.error.code}: ${outcome.error.message}\n`);
  }
  if (outcome.ok) return EXIT_OK;
  return exitCodeFor(outcome.error?.code ?? '');
}

export function emitFailure(error: SafeError, json: boolean, streams: CliStreams): number {
  return emitOutcome({ ok: false, error, fields: {}, text: [] }, json, streams);
}

/** A comma-separated id list for people, `none` when empty. */
export function idList(ids: readonly string[]): string {
  return ids.length > 0 ? ids.join(', ') : 'none';
}

/** The first text line: which data directory or file the command worked on (text mode only). */
export function headerLine(kind: 'data-dir' | 'file', location: string): string {
  return kind === 'data-dir' ? `Data directory: ${location}` : `Database file: ${location}`;
}
