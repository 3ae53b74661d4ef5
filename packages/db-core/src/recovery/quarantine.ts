import { chmodSync, existsSync, linkSync, renameSync, rmdirSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ensureOwnerOnlyDir, OWNER_ONLY_FILE_MODE, tighten } from '../connection/owner-only-files';
import { snapshotStem } from '../snapshots/snapshot-names';
import { compactUtcStamp } from '../time/utc-timestamp';
import { DATABASE_COMPANIONS } from '../files/database-companions';
import { fsyncDirectoryBestEffort } from '../files/fsync';

/** The folder beside a database that keeps damaged originals and their recovery reports. */
export const QUARANTINE_DIR = 'corrupted';

interface Move {
  readonly from: string;
  readonly to: string;
  readonly how: 'link' | 'rename';
}

/**
 * Moves a damaged database aside into
 * `corrupted/<stem>-<scope>-corrupt-<YYYYMMDDTHHMMSSZ>[-<n>].db[-wal|-shm|-journal]`, never
 * deleting anything, and puts the rebuilt database in place; every step can be undone.
 *
 * When a replacement follows, the database file is hard-linked into quarantine rather than
 * renamed: the database path never stops naming a complete file, and the replacement takes it
 * over with one atomic rename. (Where hard links are unsupported it is renamed.)
 */
export class Quarantine {
  readonly #databasePath: string;
  readonly #dir: string;
  /** `<stem>-<scope>-corrupt-<stamp>[-<n>]`: quarantined files and reports share it. */
  readonly base: string;
  readonly #moves: Move[] = [];
  #createdDir = false;
  #placed = false;

  constructor(databasePath: string, scope: string, now: Date) {
    this.#databasePath = databasePath;
    this.#dir = join(dirname(databasePath), QUARANTINE_DIR);
    this.base = freeBase(this.#dir, `${snapshotStem(databasePath)}-${scope}-corrupt-${compactUtcStamp(now)}`);
  }

  get dir(): string {
    return this.#dir;
  }

  /** Quarantined files, relative to the database's folder (`corrupted/<name>`). */
  get names(): string[] {
    return this.#moves.map((move) => `${QUARANTINE_DIR}/${basename(move.to)}`);
  }

  /**
   * Moves the originals aside. `keepPath`: hard-link the database file so its path stays
   * valid until `place` replaces it; without it (nothing will replace it) the file is renamed.
   */
  setAside(keepPath: boolean): void {
    this.#createdDir = !existsSync(this.#dir);
    ensureOwnerOnlyDir(this.#dir);
    const db = this.#databasePath;
    if (existsSync(db)) {
      const to = join(this.#dir, `${this.base}.db`);
      let how: Move['how'] = 'rename';
      if (keepPath) {
        try {
          linkSync(db, to);
          how = 'link';
        } catch {
          renameSync(db, to);
        }
      } else {
        renameSync(db, to);
      }
      this.#moves.push({ from: db, to, how });
    }
    for (const suffix of DATABASE_COMPANIONS) {
      if (!existsSync(`${db}${suffix}`)) continue;
      const to = join(this.#dir, `${this.base}.db${suffix}`);
      renameSync(`${db}${suffix}`, to);
      this.#moves.push({ from: `${db}${suffix}`, to, how: 'rename' });
    }
    for (const move of this.#moves) ownerOnly(move.to);
    fsyncDirectoryBestEffort(this.#dir);
    fsyncDirectoryBestEffort(dirname(db));
  }

  /** Puts the rebuilt database in place with one atomic rename. */
  place(rebuilt: string): void {
    renameSync(rebuilt, this.#databasePath);
    this.#placed = true;
    fsyncDirectoryBestEffort(dirname(this.#databasePath));
  }

  /**
   * Puts every original back where it was. Before `place` only: once the rebuilt database
   * is in place the recovery is complete and nothing is undone. Returns false when an original
   * could not be put back (it is then still in quarantine).
   */
  rollback(): boolean {
    if (this.#placed) return false;
    let complete = true;
    for (const move of [...this.#moves].reverse()) {
      try {
        if (move.how === 'link') unlinkSync(move.to);
        else renameSync(move.to, move.from);
      } catch {
        complete = false;
      }
    }
    if (complete) {
      this.#moves.length = 0;
      if (this.#createdDir) {
        try {
          rmdirSync(this.#dir);
        } catch {
          // Not empty or not ours: it stays.
        }
      }
    }
    fsyncDirectoryBestEffort(dirname(this.#databasePath));
    return complete;
  }
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
