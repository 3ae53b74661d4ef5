import { chmodSync, existsSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { ensureOwnerOnlyDir, OWNER_ONLY_FILE_MODE, QUARANTINE_DIR } from '@lepupitre/db-core';
import { tighten } from '@lepupitre/db-core/internals';
import { databaseStem } from '../backups/backup-names';
import { copyPrefix } from '../backups/copy-prefix';
import { compactUtcStamp } from '@lepupitre/domain-primitives';
import { DATABASE_COMPANIONS } from '../files/database-companions';
import { assertRealFolder } from '../files/real-folder';
import { removeFolderIfEmpty } from '../files/remove-quietly';
import { completePendingSwap, FileSwap, type SwapMove, type SwapPlace, type SwapDirection } from '../swaps/file-swap';

/** Suffix of the journal that makes recovery's swap complete, or undone, after a death. */
export const RECOVERY_JOURNAL_SUFFIX = '.recovery-journal';

/**
 * Moves a damaged database aside into
 * `corrupted/<prefix>-corrupt-<YYYYMMDDTHHMMSSZ>[-<n>].db[-wal|-shm|-journal]` (`copyPrefix`), never
 * deleting anything, and puts the rebuilt database in place, as one journaled `FileSwap`: a
 * death at any instant is finished forward by the next open (`finishInterruptedRecovery`), a
 * failure is undone at once.
 *
 * When a replacement follows, the database file is hard-linked into quarantine rather than
 * renamed: the database path never stops naming a complete file, and the replacement takes it
 * over with one atomic rename. (Where hard links are unsupported it is renamed.)
 */
export class Quarantine {
  readonly #databasePath: string;
  readonly #dir: string;
  /** `<prefix>-corrupt-<stamp>[-<n>]`: quarantined files and reports share it. */
  readonly base: string;
  #moved: SwapMove[] = [];

  constructor(databasePath: string, scope: string, now: Date) {
    this.#databasePath = databasePath;
    this.#dir = join(dirname(databasePath), QUARANTINE_DIR);
    this.base = freeBase(this.#dir, `${copyPrefix(databaseStem(databasePath), scope)}-corrupt-${compactUtcStamp(now)}`);
  }

  get dir(): string {
    return this.#dir;
  }

  /** Quarantined files, relative to the database's folder (`corrupted/<name>`). */
  get names(): string[] {
    return this.#moved.map((move) => move.to);
  }

  /**
   * Moves the originals aside and, with `rebuilt` (a file in the database's folder tree), puts it
   * in place; without it the database file is renamed away (nothing will take its name).
   * `beforePlace` is told once the originals are aside, before the rebuilt file moves: a throw
   * there (or any failure) puts every original back before the error is raised.
   */
  swap(rebuilt: string | null, beforePlace: () => void = () => undefined): void {
    const root = dirname(this.#databasePath);
    const name = basename(this.#databasePath);
    const createdDir = !existsSync(this.#dir);
    ensureOwnerOnlyDir(this.#dir);
    assertRealFolder(this.#dir);
    const moves: SwapMove[] = [
      { from: name, to: `${QUARANTINE_DIR}/${this.base}.db`, how: rebuilt === null ? ('rename' as const) : ('link' as const) },
      ...DATABASE_COMPANIONS.map((suffix): SwapMove => ({ from: `${name}${suffix}`, to: `${QUARANTINE_DIR}/${this.base}.db${suffix}`, how: 'rename' })),
    ].filter((move) => existsSync(join(root, move.from)));
    const places: SwapPlace[] = rebuilt === null ? [] : [{ from: relative(root, rebuilt).split(sep).join('/'), to: name, companions: [...DATABASE_COMPANIONS] }];
    let placing = false;
    const swap = new FileSwap(root, recoveryJournalName(this.#databasePath), { moves, places, cleanup: [] }, (step) => {
      if (step === 'place' && !placing) {
        placing = true;
        beforePlace();
      }
    });
    try {
      swap.apply();
      swap.finish();
    } catch (error) {
      let undone = false;
      try {
        undone = swap.undo();
      } catch {
        // The journal stays: the next open finishes the undo.
      }
      if (undone && createdDir) removeFolderIfEmpty(this.#dir);
      throw error;
    }
    this.#moved = moves;
    for (const move of moves) ownerOnly(join(root, move.to));
  }
}

export function recoveryJournalName(databasePath: string): string {
  return `${basename(databasePath)}${RECOVERY_JOURNAL_SUFFIX}`;
}

/**
 * Finishes a recovery swap a dead process had decided (its journal is beside the database).
 * Called before a database is opened or recovered, so nothing works on half of a swap.
 */
export function finishInterruptedRecovery(databasePath: string): SwapDirection | null {
  return completePendingSwap(dirname(databasePath), recoveryJournalName(databasePath));
}


function ownerOnly(file: string): void {
  tighten(file, OWNER_ONLY_FILE_MODE);
  if (process.platform === 'win32') return;
  try {
    chmodSync(file, OWNER_ONLY_FILE_MODE);
  } catch {
    // A file we do not own keeps its mode; it is still inside an owner-only folder.
  }
}

function freeBase(dir: string, base: string): string {
  for (let counter = 1; ; counter++) {
    const candidate = counter > 1 ? `${base}-${counter}` : base;
    const taken = ['', ...DATABASE_COMPANIONS, '.report.json'].some((suffix) =>
      existsSync(join(dir, suffix.startsWith('.report') ? `${candidate}${suffix}` : `${candidate}.db${suffix}`)),
    );
    if (!taken) return candidate;
  }
}
