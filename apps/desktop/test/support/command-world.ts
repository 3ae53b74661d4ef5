import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import Database from 'better-sqlite3';
import type { IpcError, IpcResult } from '../../src/ipc/ipc-result';
import { createCommandHost, type CommandHost } from '../../src/runtime/command-host';

/**
 * A data folder on disk with a command host over it, as the app host runs it: the tests call
 * commands through the router exactly as the UI does, on real SQLite files.
 */
export class CommandWorld {
  readonly dataDir: string;
  readonly host: CommandHost;
  /** What the host logged: recoveries and unexpected failures. */
  readonly log: string[] = [];

  /** A new temporary data folder, or an existing one (a second host over the same files). */
  constructor(dataDir?: string) {
    this.dataDir = dataDir ?? mkdtempSync(join(tmpdir(), 'lepupitre-commands-'));
    this.host = createCommandHost({ dataDir: this.dataDir, log: (line) => this.log.push(line) });
  }

  invoke(name: string, payload?: unknown): Promise<IpcResult> {
    return this.host.router.invoke(name, payload);
  }

  /** The data of a call that must succeed; a failure fails the test with its code and message. */
  async ok<T = unknown>(name: string, payload?: unknown): Promise<T> {
    const result = await this.invoke(name, payload);
    if (!result.ok) throw new Error(`${name} failed: ${result.error.code}: ${result.error.message}`);
    return result.data as T;
  }

  /** The error of a call that must fail. */
  async fail(name: string, payload?: unknown): Promise<IpcError> {
    const result = await this.invoke(name, payload);
    if (result.ok) throw new Error(`${name} succeeded with ${JSON.stringify(result.data)}`);
    return result.error;
  }

  /** A new profile, active, with its database open in the host. */
  async createProfile(name = 'Ada'): Promise<string> {
    return this.ok<string>('profile_create', { name });
  }

  /** Every committed row of every database and the hash of every other file of the data folder. */
  snapshot(): DataDirSnapshot {
    return snapshotDataDir(this.dataDir);
  }

  /** Stops the host and removes the data folder. */
  async close(): Promise<void> {
    await this.host.close();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  /** Stops the host and keeps the files, as when the app quits. */
  async stop(): Promise<void> {
    await this.host.close();
  }
}

export interface DataDirSnapshot {
  readonly databases: Readonly<Record<string, Readonly<Record<string, readonly unknown[]>>>>;
  readonly files: Readonly<Record<string, string>>;
}

const DATABASE_FILE = /\.db$/;
const DATABASE_COMPANION = /(\.db-wal|\.db-shm|\.db-journal|\.db\.lock)$/;

/**
 * Reads every database through its own read-only connection (what is committed) and hashes every
 * other file; snapshots and backups are files like any other.
 */
export function snapshotDataDir(dataDir: string): DataDirSnapshot {
  const databases: Record<string, Record<string, unknown[]>> = {};
  const files: Record<string, string> = {};
  const walk = (dir: string): void => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir).sort()) {
      const full = join(dir, entry);
      if (statSync(full).isDirectory()) {
        walk(full);
        continue;
      }
      const rel = relative(dataDir, full).split(sep).join('/');
      if (DATABASE_COMPANION.test(rel)) continue;
      if (DATABASE_FILE.test(rel) && !rel.includes('backups/')) databases[rel] = readRows(full);
      else files[rel] = createHash('sha256').update(readFileSync(full)).digest('hex');
    }
  };
  walk(dataDir);
  return { databases, files };
}

function readRows(path: string): Record<string, unknown[]> {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .pluck()
      .all() as string[];
    const rows: Record<string, unknown[]> = {};
    for (const table of tables) rows[table] = db.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).all();
    return rows;
  } finally {
    db.close();
  }
}
