import { seedProfile } from '@lepupitre/fixtures';
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { sha256Of } from '../../support/file-fingerprint';
import { openGuardedDatabase } from '../../../src';

const at = (n: number): string => new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString().replace('Z', '+00:00');
const hex = (prefix: string, n: number): string => `${prefix}_${n.toString(16).padStart(32, '0')}`;

/** A migrated profile database with `talks` talks, closed. */
export function createProfile(path: string, talks = 3): void {
  mkdirSync(dirname(path), { recursive: true });
  openGuardedDatabase(path, 'profile').db.close();
  addTalks(path, 0, talks);
}

/** Adds talks `from .. from + count - 1` with the seeding kit. */
export function addTalks(path: string, from: number, count: number): void {
  seedProfile(path, (kit) => {
    for (let i = from; i < from + count; i++) kit.newTalk({ id: hex('proj', i), title: `Talk ${i}`, talk_number: i + 1, created_at: at(i) });
  });
}

export function talkTitles(path: string): string[] {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare('SELECT title FROM talk_projects ORDER BY rowid').pluck().all() as string[];
  } finally {
    db.close();
  }
}

/**
 * Leaves the database as an app killed mid-session does: committed transactions still in the
 * -wal (never checkpointed) and a -shm beside it. A separate process writes and SIGKILLs itself.
 */
export function leaveUncheckpointedWal(path: string, title: string): void {
  const script = `
    const Database = require(${JSON.stringify(require.resolve('better-sqlite3'))});
    const db = new Database(${JSON.stringify(path)});
    db.pragma('wal_autocheckpoint = 0');
    db.prepare("INSERT INTO talk_projects (id, title, stage, created_at, updated_at) VALUES ('proj_wal', ?, 'draft', '2026-05-01T00:00:00+00:00', '2026-05-01T00:00:00+00:00')").run(${JSON.stringify(title)});
    process.kill(process.pid, 'SIGKILL');`;
  spawnSync(process.execPath, ['-e', script]);
  if (!existsSync(`${path}-wal`)) throw new Error('the writer left no WAL');
}

/** The database and its companions, each as its sha256 (absent ones omitted). */
export function databaseFiles(path: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const suffix of ['', '-wal', '-shm', '-journal']) {
    if (existsSync(`${path}${suffix}`)) files[`db${suffix}`] = sha256Of(`${path}${suffix}`);
  }
  return files;
}

/**
 * Overwrites the root page of a table's b-tree with garbage: SQLite can still open the file and
 * copy its pages, but `integrity_check` fails. The database must be in rollback-journal mode or
 * checkpointed, so that the page lives in the main file.
 */
export function damageTable(path: string, table: string): void {
  const db = new Database(path, { readonly: true });
  const root = db.prepare("SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = ?").pluck().get(table) as number;
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (root - 1) * pageSize);
  } finally {
    closeSync(fd);
  }
}
