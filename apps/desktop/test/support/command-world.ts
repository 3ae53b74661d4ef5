import { hashFiles, listFiles, readDatabaseRows } from '@lepupitre/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

const DATABASE_COMPANION = /(\.db-wal|\.db-shm|\.db-journal|\.db\.lock)$/;

/** A live database; a backup is a file like any other. */
const isDatabase = (path: string): boolean => path.endsWith('.db') && !path.includes('backups/');

/**
 * Reads every database through its own read-only connection (what is committed, in the order
 * it was written) and hashes every other file; snapshots and backups are files like any other.
 */
export function snapshotDataDir(dataDir: string): DataDirSnapshot {
  const databases: Record<string, Record<string, unknown[]>> = {};
  for (const path of listFiles(dataDir, { skip: (file) => !isDatabase(file) })) databases[path] = readDatabaseRows(join(dataDir, path));
  const files = hashFiles(dataDir, { skip: (file) => DATABASE_COMPANION.test(file) || isDatabase(file) });
  return { databases, files };
}
