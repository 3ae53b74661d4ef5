import { printableList, printableText } from '@lepupitre/domain-primitives';
import { humanMessage } from '../errors/error-sentence';
import { DEFAULT_LOCALE, type Locale } from '../errors/locale';
import { EXIT_OK, exitCodeFor } from './cli-error';
import type { SafeError } from './safe-error';

/**
 * Where the CLI reads and writes: the process's standard streams in production, buffers in
 * tests. Nothing else in the CLI touches them, so a run in a test's process prints exactly what
 * the bin prints.
 */
export interface CliStreams {
  out(text: string): void;
  err(text: string): void;
  /**
   * Standard input, read to its end: the payload of `lepupitre ipc <command> -`. Without it,
   * stdin is empty.
   */
  stdin?(): Promise<Buffer>;
  /**
   * Stdout's or stderr's terminal, or null when it is none (a pipe, a file, a buffer): help is
   * wrapped to its width, and the progress line is drawn on stderr only when it is a terminal.
   * Without it, neither is a terminal.
   */
  terminal?(stream: 'out' | 'err'): CliTerminal | null;
}

export interface CliTerminal {
  /** Its width in columns, when known. */
  readonly columns: number | undefined;
}

export const processStreams: CliStreams = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  stdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
    return Buffer.concat(chunks);
  },
  terminal: (stream) => {
    const target = stream === 'out' ? process.stdout : process.stderr;
    return target.isTTY ? { columns: target.columns } : null;
  },
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

/** Ids shown in a text line: every migration of a scope's history, not every row a file records. */
const SHOWN_IDS = 100;

/** A data directory or file path, shown whole: paths run long, but not this long. */
const SHOWN_PATH_MAX = 4096;

/** An error's message on stderr: what it quotes is bounded at its source, this bounds the rest. */
const SHOWN_MESSAGE_MAX = 4096;

/**
 * Prints an outcome and returns the exit code (0 only when ok). With `json`, stdout receives
 * exactly one JSON object: `{"ok":true,...}` or `{"ok":false,"error":{"code","message"},...}`.
 * Without it, the lines go to stdout and the error to stderr, as one printable line: whatever
 * a message quotes cannot start a line that poses as the CLI's own. That line is
 * `lepupitre: <CODE>: <sentence> (<detail>)`, the sentence in the terminal's language, the
 * detail only when the message tells more than the code: the code is never printed twice.
 */
export function emitOutcome(outcome: CommandOutcome, json: boolean, streams: CliStreams, locale: Locale = DEFAULT_LOCALE): number {
  if (json) {
    const envelope = { ok: outcome.ok, ...(outcome.error ? { error: outcome.error } : {}), ...outcome.fields };
    streams.out(`${JSON.stringify(envelope)}\n`);
  } else {
    if (outcome.text.length > 0) streams.out(`${outcome.text.join('\n')}\n`);
    if (outcome.error) streams.err(`lepupitre: ${printableText(outcome.error.code)}: ${printableText(humanMessage(outcome.error, locale), SHOWN_MESSAGE_MAX)}\n`);
  }
  if (outcome.ok) return EXIT_OK;
  return exitCodeFor(outcome.error?.code ?? '');
}

export function emitFailure(error: SafeError, json: boolean, streams: CliStreams, locale: Locale = DEFAULT_LOCALE): number {
  return emitOutcome({ ok: false, error, fields: {}, text: [] }, json, streams, locale);
}

/** A comma-separated id list for people, each id printable, `none` when empty. */
export function idList(ids: readonly string[]): string {
  return ids.length > 0 ? printableList(ids, SHOWN_IDS) : 'none';
}

/** The first text line: which data directory or file the command worked on (text mode only). */
export function headerLine(kind: 'data-dir' | 'file', location: string): string {
  const shown = printableText(location, SHOWN_PATH_MAX);
  return kind === 'data-dir' ? `Data directory: ${shown}` : `Database file: ${shown}`;
}
