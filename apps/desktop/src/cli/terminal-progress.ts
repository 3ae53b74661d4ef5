import type { CliStreams } from './output';

/** Where progress goes: the CLI's stderr, a fake terminal in tests. */
export interface ProgressStream {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

/** The CLI's stderr as a progress stream: a terminal only when stderr is one (never without streams). */
export function stderrProgress(streams: CliStreams | undefined): ProgressStream {
  return { isTTY: (streams?.terminal?.('err') ?? null) !== null, write: (text) => streams?.err(text) };
}

/** Redraws at most this often: a backup reports every copy step. */
const MIN_REDRAW_MS = 100;

/**
 * One self-rewriting status line for long work (backups, restores, integrity checks). Only on a
 * terminal and never with `--json`: piped output and JSON stay exactly what they promise. The
 * line goes to stderr, so stdout holds only results.
 */
export class TerminalProgress {
  readonly #stream: ProgressStream;
  readonly #enabled: boolean;
  readonly #clock: () => number;
  #lastDraw = Number.NEGATIVE_INFINITY;
  #visible = false;

  constructor(json: boolean, stream: ProgressStream, clock: () => number = Date.now) {
    this.#stream = stream;
    this.#enabled = !json && stream.isTTY === true;
    this.#clock = clock;
  }

  /** Shows a line; repeated calls within the redraw interval are dropped unless `force`. */
  show(text: string, force = false): void {
    if (!this.#enabled) return;
    const now = this.#clock();
    if (!force && now - this.#lastDraw < MIN_REDRAW_MS) return;
    this.#lastDraw = now;
    this.#stream.write(`\r\x1b[2K${text}`);
    this.#visible = true;
  }

  /** Erases the line, before results are printed. */
  clear(): void {
    if (!this.#enabled || !this.#visible) return;
    this.#stream.write('\r\x1b[2K');
    this.#visible = false;
  }
}

export function percent(done: number, total: number): string {
  if (total <= 0) return '0%';
  return `${Math.min(100, Math.floor((done / total) * 100))}%`;
}
