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
  const db = new Database(databasePath, { readonly: true, fileMustExist: true });
  const rows: Record<string, unknown[]> = {};
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .pluck()
      .all() as string[];
    for (const table of tables) rows[table] = db.prepare(`SELECT * FROM "${table}" ORDER BY 1`).all();
  } finally {
    db.close();
  }
  return { rows, files: listFiles(folder) };
}

function listFiles(folder: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string): void => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir).sort()) {
      const full = join(dir, entry);
      if (statSync(full).isDirectory()) {
        walk(full);
        continue;
      }
      const rel = relative(folder, full).split(sep).join('/');
      if (DATABASE_COMPANIONS.test(rel)) continue;
      out[rel] = createHash('sha256').update(readFileSync(full)).digest('hex');
    }
  };
  walk(folder);
  return out;
}
