import { existsSync, linkSync, renameSync, rmdirSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ensureOwnerOnlyDir } from '../connection/owner-only-files';
import { snapshotStem } from '../snapshots/snapshot-names';
import { compactUtcStamp } from '../time/utc-timestamp';
import { DATABASE_COMPANIONS } from '../files/database-companions';
import { fsyncDirectory } from '../files/fsync';
import { removeQuietly } from '../files/remove-quietly';

/** The folder beside a database that keeps what a restore replaced. Never emptied by the app. */
export const REPLACED_DIR = 'replaced';

interface Move {
  readonly from: string;
  readonly to: string;
  /** A hard link leaves the original name in place until the restored copy replaces it. */
  readonly how: 'link' | 'rename';
}

/**
 * Moves a database's files aside into `replaced/<stem>-<scope>-replaced-<stamp>[-<n>].db[-wal|
 * -shm|-journal]` and puts a restored copy in place, able to undo every step.
 *
 * The database file is hard-linked into `replaced/` rather than renamed, so that the database
 * path never stops naming a complete database: the restored copy then replaces it with one
 * atomic rename. (Where hard links are unsupported it is renamed.) Companions are renamed.
 */
export class ReplacedFiles {
  readonly #databasePath: string;
  readonly #dir: string;
  readonly #base: string;
  readonly #moves: Move[] = [];
  #createdDir = false;
  #placed = false;

  constructor(databasePath: string, scope: string, now: Date) {
    this.#databasePath = databasePath;
    this.#dir = join(dirname(databasePath), REPLACED_DIR);
    this.#base = freeBase(this.#dir, `${snapshotStem(databasePath)}-${scope}-replaced-${compactUtcStamp(now)}`);
  }

  /** Names inside `replaced/` of the files moved aside. */
  get names(): string[] {
    return this.#moves.map((move) => basename(move.to));
  }

  /** `beforeMove` is told the suffix of each file before it moves ('' for the database file). */
  setAside(beforeMove: (suffix: string) => void = () => undefined): void {
    this.#createdDir = !existsSync(this.#dir);
    ensureOwnerOnlyDir(this.#dir);
    const db = this.#databasePath;
    if (existsSync(db)) {
      beforeMove('');
      const to = join(this.#dir, `${this.#base}.db`);
      try {
        linkSync(db, to);
        this.#moves.push({ from: db, to, how: 'link' });
      } catch {
        renameSync(db, to);
        this.#moves.push({ from: db, to, how: 'rename' });
      }
    }
    for (const suffix of DATABASE_COMPANIONS) {
      if (!existsSync(`${db}${suffix}`)) continue;
      beforeMove(suffix);
      const to = join(this.#dir, `${this.#base}.db${suffix}`);
      renameSync(`${db}${suffix}`, to);
      this.#moves.push({ from: `${db}${suffix}`, to, how: 'rename' });
    }
    fsyncDirectory(this.#dir);
    fsyncDirectory(dirname(db));
  }

  /** Puts the restored copy in place with one atomic rename, durably. */
  place(temporary: string): void {
    renameSync(temporary, this.#databasePath);
    this.#placed = true;
    fsyncDirectory(dirname(this.#databasePath));
  }

  /**
   * Puts every original file back where it was, whatever step failed, and drops the restored
   * copy (a copy of a backup that is still in `backups/`). Returns false when some original
   * could not be put back: it is then still in `replaced/`.
   */
  rollback(): boolean {
    const db = this.#databasePath;
    let complete = true;
    if (this.#placed) {
      for (const suffix of DATABASE_COMPANIONS) removeQuietly(`${db}${suffix}`);
      if (!this.#moves.some((move) => move.from === db)) removeQuietly(db);
    }
    for (const move of [...this.#moves].reverse()) {
      try {
        if (move.how === 'link' && !this.#placed) unlinkSync(move.to);
        else renameSync(move.to, move.from);
      } catch {
        complete = false;
      }
    }
    if (complete) this.#moves.length = 0;
    if (complete && this.#createdDir) {
      try {
        rmdirSync(this.#dir);
      } catch {
        // Not empty or not ours to remove: it stays.
      }
    }
    try {
      fsyncDirectory(dirname(db));
    } catch {
      // Durability of the undo is best effort; the renames themselves succeeded.
    }
    return complete;
  }
}

function freeBase(dir: string, base: string): string {
  for (let counter = 1; ; counter++) {
    const candidate = counter > 1 ? `${base}-${counter}` : base;
    if (['', ...DATABASE_COMPANIONS].every((suffix) => !existsSync(join(dir, `${candidate}.db${suffix}`)))) return candidate;
  }
}
