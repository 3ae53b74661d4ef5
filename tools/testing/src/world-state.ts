import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Everything a flow can change: every row of every table, and every file of the folder. */
export interface WorldState {
  readonly rows: Readonly<Record<string, readonly unknown[]>>;
  readonly files: Readonly<Record<string, string>>;
}

/** The database's own files and the migration lock are not part of what a flow writes. */
const DATABASE_COMPANIONS = /(\.db|\.db-wal|\.db-shm|\.db-journal|\.db\.lock)$/;

/**
 * Reads the state through a separate read-only connection, so it sees only what is committed,
 * exactly as the next process to open the file would.
 */
export function captureWorld(databasePath: string, folder: string): WorldState {
  return {
    rows: readDatabaseRows(databasePath, { orderBy: 'first-column' }),
    files: hashFiles(folder, { skip: (path) => DATABASE_COMPANIONS.test(path) }),
  };
}

export interface ReadRowsOptions {
  /** `rowid`: the order rows were written in (the default); `first-column`: by the key-like first column. */
  readonly orderBy?: 'rowid' | 'first-column';
}

/**
 * Every row of every table (SQLite's own tables aside), read through a separate read-only
 * connection: what is committed, as the next process to open the file would see it.
 */
export function readDatabaseRows(path: string, options: ReadRowsOptions = {}): Record<string, unknown[]> {
  const order = options.orderBy === 'first-column' ? '1' : 'rowid';
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .pluck()
      .all() as string[];
    const rows: Record<string, unknown[]> = {};
    for (const table of tables) rows[table] = db.prepare(`SELECT * FROM "${table}" ORDER BY ${order}`).all();
    return rows;
  } finally {
    db.close();
  }
}

export interface FileWalkOptions {
  /** Leaves out the files whose path (relative to the folder, `/`-separated) it accepts. */
  readonly skip?: (path: string) => boolean;
}

/** The files below `folder` (none if it does not exist), as `/`-separated relative paths in a stable order. */
export function listFiles(folder: string, options: FileWalkOptions = {}): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir).sort()) {
      const full = join(dir, entry);
      if (statSync(full).isDirectory()) {
        walk(full);
        continue;
      }
      const path = relative(folder, full).split(sep).join('/');
      if (!options.skip?.(path)) out.push(path);
    }
  };
  walk(folder);
  return out;
}

/** The SHA-256 of every file `listFiles` gives, by relative path. */
export function hashFiles(folder: string, options: FileWalkOptions = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const path of listFiles(folder, options)) {
    out[path] = createHash('sha256').update(readFileSync(join(folder, path))).digest('hex');
  }
  return out;
}
