import { type DatabaseScope } from '@lepupitre/db-core';
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openGuardedDatabase } from '@lepupitre/db-ops';
import { main } from '../../src/cli/main';
import type { CliStreams } from '../../src/cli/output';

export const BIN = path.resolve(__dirname, '..', '..', 'bin', 'lepupitre.cjs');

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  readonly cwd: string;
  /**
   * Extra environment; LEPUPITRE_DATA_DIR, XDG_DATA_HOME and the locale variables (errors are
   * written in the terminal's language) are unset unless given here.
   */
  readonly env?: Readonly<Record<string, string>>;
  /** The CLI's stdin, closed at once either way (empty without it). */
  readonly stdin?: string;
}

/** The environment a run sees: this process's, HOME at the working directory, the rest as documented above. */
function environmentOf(options: RunOptions): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = { ...process.env, HOME: options.cwd };
  delete env['LEPUPITRE_DATA_DIR'];
  delete env['XDG_DATA_HOME'];
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) delete env[name];
  Object.assign(env, options.env ?? {});
  return env;
}

/**
 * Runs the CLI in this process, through the `main` the bin calls, and collects what it prints:
 * stdout, stderr and the exit code are the bin's, because the CLI reads and writes only through
 * its streams and host. The streams are buffers that are not terminals (as the bin's pipes are
 * not), stdin holds `options.stdin`, and the host is the bin's in that working directory with
 * that environment, its home folder being HOME. Each run builds its own program, opens its own
 * connections and closes them before it settles, so runs share nothing but the files.
 */
export async function runCli(args: readonly string[], options: RunOptions): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const streams: CliStreams = {
    out: (text) => void (stdout += text),
    err: (text) => void (stderr += text),
    stdin: () => Promise.resolve(Buffer.from(options.stdin ?? '', 'utf8')),
    terminal: () => null,
  };
  const env = environmentOf(options);
  const code = await main(args, streams, { env, platform: process.platform, cwd: options.cwd, home: env['HOME'] ?? null });
  return { code, stdout, stderr };
}

/**
 * Spawns the real bin, as `npx lepupitre` would, and collects its output: for what only a process
 * shows (the bin compiling and starting, its exit code, its real stdin, output flushed before
 * exit, another process holding a database open). About a second per call: the few smoke tests.
 */
export function runCliProcess(args: readonly string[], options: RunOptions): Promise<CliRun> {
  const env = environmentOf(options);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.stdin);
  });
}

/** The single JSON object a `--json` run prints, failing when stdout holds anything else. */
export function jsonOf(run: CliRun): Record<string, unknown> {
  const lines = run.stdout.split('\n').filter((line) => line.trim() !== '');
  if (lines.length !== 1) throw new Error(`expected exactly one JSON line on stdout, got:\n${run.stdout}\nstderr:\n${run.stderr}`);
  const parsed: unknown = JSON.parse(lines[0] ?? '');
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('stdout is not a JSON object');
  return parsed as Record<string, unknown>;
}

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), `lepupitre-cli-${prefix}-`));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** A folder a suite builds once and copies for each test, which may then change its copy freely. */
/** Every entry under `root`: directories as `dir`, files as their sha256. */
export function treeOf(root: string): Record<string, string> {
  const tree: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      const rel = path.relative(root, full).split(path.sep).join('/');
      if (statSync(full).isDirectory()) {
        tree[rel] = 'dir';
        walk(full);
      } else {
        tree[rel] = createHash('sha256').update(readFileSync(full)).digest('hex');
      }
    }
  };
  walk(root);
  return tree;
}

/**
 * A read-only SQLite connection to a WAL database may leave its (empty) `-wal` and `-shm`
 * companions behind: that is SQLite's reader protocol, not a write to the database. Drops
 * them from a tree so that a comparison sees everything else.
 */
export function withoutReaderCompanions(tree: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(tree).filter(([rel]) => !/\.db-(wal|shm)$/.test(rel)));
}

/** A fully migrated database, closed. */
export function createDatabase(file: string, scope: DatabaseScope): void {
  mkdirSync(path.dirname(file), { recursive: true });
  openGuardedDatabase(file, scope).db.close();
}

/** A profile database as the previous app left it before tracking existed: one talk, no history. */
export function createLegacyProfile(file: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    db.exec(
      'CREATE TABLE talk_projects (id TEXT PRIMARY KEY, title TEXT NOT NULL, audience TEXT, goal TEXT, duration_target_sec INTEGER, ' +
        'talk_number INTEGER, stage TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL)',
    );
    db.prepare('INSERT INTO talk_projects (id, title, stage, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(
      't1',
      'Legacy talk',
      'draft',
      '2024-01-01T00:00:00Z',
      '2024-01-01T00:00:00Z',
    );
  } finally {
    db.close();
  }
}

export const FUTURE_MIGRATION = '9999_future';

/** A database written by a newer app: migrated, then one migration this app does not know. */
export function createFutureDatabase(file: string, scope: DatabaseScope): void {
  createDatabase(file, scope);
  const db = new Database(file);
  try {
    db.prepare('INSERT INTO schema_migrations (version, applied_at, checksum) VALUES (?, ?, ?)').run(
      FUTURE_MIGRATION,
      '2030-01-01T00:00:00Z',
      'f'.repeat(64),
    );
  } finally {
    db.close();
  }
}

/** A valid SQLite database whose tables belong to no scope. */
export function createForeignDatabase(file: string): void {
  const db = new Database(file);
  try {
    db.exec('CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)');
  } finally {
    db.close();
  }
}
