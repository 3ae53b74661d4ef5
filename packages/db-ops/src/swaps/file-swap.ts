import { existsSync, linkSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, normalize, sep } from 'node:path';
import { OWNER_ONLY_DIR_MODE, OWNER_ONLY_FILE_MODE, entryExists } from '@lepupitre/db-core';
import { fsyncDirectoryBestEffort, fsyncFile } from '@lepupitre/db-core/internals';
import { removeQuietly } from '../files/remove-quietly';

/**
 * One original moved aside: renamed, or hard-linked when `from` must keep naming a complete file
 * until a `place` replaces it with one atomic rename (the database file itself).
 */
export interface SwapMove {
  readonly from: string;
  readonly to: string;
  readonly how: 'link' | 'rename';
}

/** A staged file renamed over (or into) its live name. */
export interface SwapPlace {
  readonly from: string;
  readonly to: string;
  /**
   * Suffixes of files that belong to the placed file once it is live (a database's `-wal`,
   * `-shm`): an undo removes them with it, since they were written for the new file.
   */
  readonly companions?: readonly string[];
}

/**
 * Every path of a swap is relative to its root folder (the database's folder), so a journal
 * stays true when the data folder is moved or restored elsewhere.
 */
export interface SwapPlan {
  readonly moves: readonly SwapMove[];
  readonly places: readonly SwapPlace[];
  /** Staging folders or files removed once the swap is over, whichever way it ended. */
  readonly cleanup: readonly string[];
}

export type SwapDirection = 'forward' | 'undo';

interface Journal extends SwapPlan {
  readonly version: 1;
  readonly direction: SwapDirection;
}

/** Step names the crash drills stop at: before each journal write and each file operation. */
export type SwapStep = 'journal' | 'move' | 'place' | 'undo' | 'finish';

/** Told before each step; for `move` and `place`, with the entry about to be handled. */
export type SwapObserver = (step: SwapStep, entry?: SwapMove | SwapPlace) => void;

/**
 * A multi-file replacement (restore, recovery's swap into place) that completes or is undone
 * whatever instant the process dies.
 *
 * The caller stages every new file first (nothing of the live state changes while staging; a
 * death there leaves only staging files, which the next operation of the same kind removes).
 * `commit` then writes a journal beside the files and fsyncs it: from that instant the swap is
 * decided. It moves the originals aside and places the staged files, each operation idempotent
 * (a move whose target exists is done; a place whose staged file is gone is done), so replaying
 * the journal after a death finishes the work exactly once. `completePendingSwap`, called before
 * the database is opened, replays a journal it finds. If the process fails (an exception, not a
 * death) after the commit, `undo` rewrites the journal as an undo and reverses what was done:
 * places first, then moves, so originals come back byte for byte; a death during the undo is
 * finished by the next open in the same direction.
 */
export class FileSwap {
  readonly #root: string;
  readonly #journal: string;
  readonly #plan: SwapPlan;
  readonly #onStep: SwapObserver;

  constructor(root: string, journalName: string, plan: SwapPlan, onStep: SwapObserver = () => undefined) {
    for (const path of [...plan.moves.flatMap((m) => [m.from, m.to]), ...plan.places.flatMap((p) => [p.from, p.to]), ...plan.cleanup]) {
      assertRelative(path);
    }
    this.#root = root;
    this.#journal = join(root, journalName);
    this.#plan = plan;
    this.#onStep = onStep;
  }

  /**
   * Writes the journal (the decision) and performs the swap. The journal stays until `finish`,
   * so that work the caller does right after (reopening what was placed) can still be undone;
   * a death before `finish` is completed forward by the next `completePendingSwap`.
   */
  apply(): void {
    // Replaying trusts two facts the journal cannot record: every original to move is there
    // (so a later file at its name can only be a placed one) and every staged file is there
    // (so a staged file that is gone was placed). Both are checked before the decision.
    const absent = [...this.#plan.moves, ...this.#plan.places].find((entry) => !entryExists(join(this.#root, entry.from)));
    if (absent) throw Object.assign(new Error('a file of the swap is missing before it starts'), { code: 'ENOENT' });
    this.#onStep('journal');
    writeJournal(this.#journal, { version: 1, direction: 'forward', ...this.#plan });
    runForward(this.#root, this.#plan, this.#onStep);
  }

  /** Removes the staging files and the journal: the swap can no longer be undone. */
  finish(): void {
    this.#onStep('finish');
    finish(this.#root, this.#journal, this.#plan);
  }

  /** Reverses whatever `commit` did before it failed. False when some original could not be put back. */
  undo(): boolean {
    if (!existsSync(this.#journal)) {
      // The failure came before the decision: only staging files exist.
      for (const path of this.#plan.cleanup) removeQuietly(join(this.#root, path), { recursive: true });
      return true;
    }
    this.#onStep('undo');
    writeJournal(this.#journal, { version: 1, direction: 'undo', ...this.#plan });
    const complete = runUndo(this.#root, this.#plan);
    if (complete) finish(this.#root, this.#journal, this.#plan);
    return complete;
  }
}

/**
 * Finishes a swap a dead process left, in the direction its journal says. Returns the direction
 * replayed, or null when there was none. A journal that cannot be read is left in place and
 * reported as an error: guessing a direction could mix two states.
 */
export function completePendingSwap(root: string, journalName: string): SwapDirection | null {
  const path = join(root, journalName);
  if (!existsSync(path)) return null;
  const journal = readJournal(path);
  if (journal.direction === 'forward') runForward(root, journal, () => undefined);
  else if (!runUndo(root, journal)) throw new Error('an interrupted file swap could not be undone');
  finish(root, path, journal);
  return journal.direction;
}

function runForward(root: string, plan: SwapPlan, onStep: SwapObserver): void {
  const dirs = new Set<string>();
  for (const move of plan.moves) {
    onStep('move', move);
    const from = join(root, move.from);
    const to = join(root, move.to);
    dirs.add(dirname(from)).add(dirname(to));
    if (entryExists(to) || !entryExists(from)) continue;
    mkdirSync(dirname(to), { recursive: true, mode: OWNER_ONLY_DIR_MODE });
    if (move.how === 'link') {
      try {
        linkSync(from, to);
        continue;
      } catch {
        // No hard links here: the original is renamed, and the place below fills its name.
      }
    }
    renameSync(from, to);
  }
  for (const place of plan.places) {
    onStep('place', place);
    const from = join(root, place.from);
    const to = join(root, place.to);
    dirs.add(dirname(to));
    if (!entryExists(from)) continue;
    mkdirSync(dirname(to), { recursive: true, mode: OWNER_ONLY_DIR_MODE });
    renameSync(from, to);
  }
  for (const dir of dirs) fsyncDirectoryBestEffort(dir);
}

function runUndo(root: string, plan: SwapPlan): boolean {
  let complete = true;
  const attempt = (fn: () => void): void => {
    try {
      fn();
    } catch {
      complete = false;
    }
  };
  for (const place of [...plan.places].reverse()) {
    const staged = join(root, place.from);
    const live = join(root, place.to);
    // A staged file that is gone was placed: the live name holds it and gives it back. The
    // original that name held before (if any) comes back with the moves below.
    if (entryExists(staged) || !entryExists(live)) continue;
    for (const suffix of place.companions ?? []) removeQuietly(`${live}${suffix}`);
    attempt(() => renameSync(live, staged));
  }
  for (const move of [...plan.moves].reverse()) {
    const from = join(root, move.from);
    const to = join(root, move.to);
    if (!entryExists(to)) continue;
    if (move.how === 'link' && entryExists(from)) attempt(() => unlinkSync(to));
    else attempt(() => renameSync(to, from));
  }
  for (const dir of new Set(plan.moves.map((move) => dirname(join(root, move.from))))) fsyncDirectoryBestEffort(dir);
  return complete;
}

function finish(root: string, journal: string, plan: SwapPlan): void {
  for (const path of plan.cleanup) removeQuietly(join(root, path), { recursive: true });
  unlinkSync(journal);
  fsyncDirectoryBestEffort(dirname(journal));
}

function writeJournal(path: string, journal: Journal): void {
  const temporary = `${path}.partial`;
  writeFileSync(temporary, JSON.stringify(journal), { mode: OWNER_ONLY_FILE_MODE });
  fsyncFile(temporary);
  renameSync(temporary, path);
  fsyncDirectoryBestEffort(dirname(path));
}

function readJournal(path: string): Journal {
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<Journal>;
  const isEntry = (e: unknown): boolean =>
    typeof e === 'object' && e !== null && typeof (e as SwapMove).from === 'string' && typeof (e as SwapMove).to === 'string';
  if (
    parsed.version !== 1 ||
    (parsed.direction !== 'forward' && parsed.direction !== 'undo') ||
    !Array.isArray(parsed.moves) ||
    !parsed.moves.every((m) => isEntry(m) && (m.how === 'link' || m.how === 'rename')) ||
    !Array.isArray(parsed.places) ||
    !parsed.places.every((p) => isEntry(p) && (p.companions === undefined || (Array.isArray(p.companions) && p.companions.every((c: unknown) => typeof c === 'string' && /^-[a-z]+$/.test(c))))) ||
    !Array.isArray(parsed.cleanup) ||
    !parsed.cleanup.every((c) => typeof c === 'string')
  ) {
    throw new Error('the journal of an interrupted file swap is unreadable');
  }
  const journal = parsed as Journal;
  for (const path of [...journal.moves.flatMap((m) => [m.from, m.to]), ...journal.places.flatMap((p) => [p.from, p.to]), ...journal.cleanup]) {
    assertRelative(path);
  }
  return journal;
}

/** A journal is data on disk: it may only name paths inside its root. */
function assertRelative(path: string): void {
  const normal = normalize(path);
  if (path === '' || isAbsolute(path) || path.includes('\0') || normal === '..' || normal.startsWith(`..${sep}`)) {
    throw new Error('a file swap names a path outside its folder');
  }
}

