import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The drill's own look at a data folder, independent of the app's code: SQLite's checks on
 * every database, and every file under a profile's `artifacts/` against the `artifacts` rows.
 * The data folder, not the database file, is the unit of integrity: a file no row names is a
 * half-done write someone has to clean up, a row whose file is missing or different is lost data.
 */

/** A `.<hex>.tmp` file: the temporary name of the store's durable write, never renamed into place. */
export const TEMPORARY_FILE_NAME = /^\.[0-9a-f]+\.tmp$/;

/** What a row promises about its file, and whether the file keeps the promise. */
export interface ArtifactOnDisk {
  readonly profileId: string;
  readonly relpath: string;
  readonly sha256: string;
  readonly bytes: number;
  /** The file is there with exactly that size and sha256. */
  readonly intact: boolean;
}

export interface DataFolderAudit {
  /** Databases checked: `global.db` and each `profiles/<id>/profile.db`. */
  readonly databases: number;
  /** `<database>: <first line of integrity_check>` for each database that is not `ok`. */
  readonly integrityFailures: string[];
  /** `<database>: <n> rows (<tables>)` for each database with foreign-key violations. */
  readonly foreignKeyFailures: string[];
  /** Files under `artifacts/` that no row names (temporary files aside). Paths from the data folder. */
  readonly stray: string[];
  /** `.<hex>.tmp` files anywhere in the data folder. */
  readonly temporary: string[];
  /** Rows whose file is absent. */
  readonly missing: string[];
  /** Rows whose file has another size or sha256. */
  readonly damaged: string[];
  /** Files under `profiles/<id>/orphaned/`: set aside by the open-time sweep, allowed. */
  readonly orphaned: string[];
  /** Every artifact row, by id. */
  readonly artifacts: ReadonlyMap<string, ArtifactOnDisk>;
}

interface ArtifactRow {
  readonly id: string;
  readonly local_relpath: string;
  readonly sha256: string;
  readonly bytes: number;
}

/**
 * Hashes of files already read, keyed by path, size and modification time: artifact files are
 * immutable, so each is read once per drill instead of once per round.
 */
export class FileHashes {
  private readonly known = new Map<string, { size: number; mtimeMs: number; sha256: string }>();

  sha256(file: string, size: number, mtimeMs: number): string {
    const cached = this.known.get(file);
    if (cached && cached.size === size && cached.mtimeMs === mtimeMs) return cached.sha256;
    const sha256 = createHash('sha256').update(readFileSync(file)).digest('hex');
    this.known.set(file, { size, mtimeMs, sha256 });
    return sha256;
  }
}

/**
 * Audits `dataDir`. Databases are opened read-only (the host may hold them open: WAL readers
 * do not disturb it); call it after the host has opened every profile once, so that anything a
 * profile's open tidies is already tidied.
 */
export function auditDataFolder(dataDir: string, hashes: FileHashes = new FileHashes()): DataFolderAudit {
  const audit = {
    databases: 0,
    integrityFailures: [] as string[],
    foreignKeyFailures: [] as string[],
    stray: [] as string[],
    temporary: walkFiles(dataDir, '').filter((relpath) => TEMPORARY_FILE_NAME.test(path.posix.basename(relpath))),
    missing: [] as string[],
    damaged: [] as string[],
    orphaned: [] as string[],
    artifacts: new Map<string, ArtifactOnDisk>(),
  };
  checkDatabase(dataDir, 'global.db', audit);
  const profilesDir = path.join(dataDir, 'profiles');
  const profileIds = existsSync(profilesDir) ? readdirSync(profilesDir).filter((id) => existsSync(path.join(profilesDir, id, 'profile.db'))) : [];
  for (const profileId of profileIds.sort()) {
    const profileRel = `profiles/${profileId}`;
    const rows = checkDatabase(dataDir, `${profileRel}/profile.db`, audit);
    const profileDir = path.join(profilesDir, profileId);
    const named = new Set(rows.map((row) => row.local_relpath));
    for (const relpath of walkFiles(profileDir, 'artifacts')) {
      if (!named.has(relpath) && !TEMPORARY_FILE_NAME.test(path.posix.basename(relpath))) audit.stray.push(`${profileRel}/${relpath}`);
    }
    audit.orphaned.push(...walkFiles(profileDir, 'orphaned').map((relpath) => `${profileRel}/${relpath}`));
    for (const row of rows) {
      const file = path.join(profileDir, row.local_relpath);
      const stats = lstatSync(file, { throwIfNoEntry: false });
      let intact = false;
      if (!stats?.isFile()) audit.missing.push(`${profileRel}/${row.local_relpath}`);
      else if (stats.size !== row.bytes || hashes.sha256(file, stats.size, stats.mtimeMs) !== row.sha256) audit.damaged.push(`${profileRel}/${row.local_relpath}`);
      else intact = true;
      audit.artifacts.set(row.id, { profileId, relpath: row.local_relpath, sha256: row.sha256, bytes: row.bytes, intact });
    }
  }
  return audit;
}

/** SQLite's own checks on one database; returns its artifact rows (none for the global one). */
function checkDatabase(
  dataDir: string,
  relpath: string,
  into: { databases: number; integrityFailures: string[]; foreignKeyFailures: string[] },
): ArtifactRow[] {
  const db = new Database(path.join(dataDir, relpath), { readonly: true, fileMustExist: true });
  try {
    into.databases++;
    const integrity = db.pragma('integrity_check') as { integrity_check: string }[];
    if (integrity.length !== 1 || integrity[0]?.integrity_check !== 'ok') {
      into.integrityFailures.push(`${relpath}: ${integrity.map((row) => row.integrity_check).slice(0, 3).join(' | ')}`);
    }
    const violations = db.pragma('foreign_key_check') as { table: string }[];
    if (violations.length > 0) {
      into.foreignKeyFailures.push(`${relpath}: ${violations.length} rows (${[...new Set(violations.map((v) => v.table))].join(', ')})`);
    }
    const hasArtifacts = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'artifacts'").get() !== undefined;
    return hasArtifacts ? (db.prepare('SELECT id, local_relpath, sha256, bytes FROM artifacts').all() as ArtifactRow[]) : [];
  } finally {
    db.close();
  }
}

/**
 * Every entry below `root/sub` that is not a folder (regular files, links, anything else), as
 * forward-slash paths from `root`, without following links. An absent folder has none.
 */
function walkFiles(root: string, sub: string): string[] {
  const found: string[] = [];
  const visit = (rel: string): void => {
    const dir = rel === '' ? root : path.join(root, rel);
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) visit(child);
      else found.push(child);
    }
  };
  visit(sub);
  return found.sort();
}
