/**
 * Drill: an online backup of a large profile database while another process keeps writing.
 * Asserts that the backup completes and verifies, and that the writer goes on; prints the
 * writer's transaction latency before and during the backup. Not part of `npm test` (it builds a
 * database of 200,000 runs); run with
 *   npx jest -c packages/db-core/jest.config.cjs --testPathIgnorePatterns=/node_modules/ \
 *     --testMatch '<rootDir>/test/backups/backup-under-writer.drill.ts'
 * (`--testRegex` cannot be combined with the preset's `testMatch`).
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { listBackups, type BackupResult, openGuardedDatabase } from '../../src';
import { backupDatabase } from '../../src/backups/take-backup';
import { type DatabaseHandle } from '@lepupitre/db-core';
import { rawConnectionOf } from '@lepupitre/db-core/internals';
import { useChildScript, useTempDir } from '@lepupitre/fixtures';

jest.setTimeout(600_000);

const TALKS = 200;
const RUNS_PER_TALK = 1000;
const BASELINE_MS = 3000;
const hex = (prefix: string, n: number): string => `${prefix}_${n.toString(16).padStart(32, '0')}`;
const at = (n: number): string => new Date(Date.UTC(2025, 0, 1) + n * 60_000).toISOString().replace('Z', '+00:00');

/** 200 talks, 200,000 runs, each run with its audio artifact: a heavy user's profile. */
function buildLargeProfile(path: string): void {
  openGuardedDatabase(path, 'profile').db.close();
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  const talk = db.prepare("INSERT INTO talk_projects (id, title, stage, talk_number, created_at, updated_at) VALUES (?, ?, 'train', ?, ?, ?)");
  const artifact = db.prepare("INSERT INTO artifacts (id, type, local_relpath, sha256, bytes, created_at, metadata_json) VALUES (?, 'audio', ?, ?, 123456, ?, '{}')");
  const run = db.prepare('INSERT INTO runs (id, project_id, created_at, audio_artifact_id, transcript_id, feedback_id) VALUES (?, ?, ?, ?, NULL, NULL)');
  let n = 0;
  for (let t = 0; t < TALKS; t++) {
    db.transaction(() => {
      talk.run(hex('proj', t), `Talk ${t}`, t + 1, at(t), at(t));
      for (let r = 0; r < RUNS_PER_TALK; r++) {
        n += 1;
        artifact.run(hex('art', n), `artifacts/audio/${hex('art', n)}.wav`, hex('sha', n).padEnd(64, '0'), at(n));
        run.run(hex('run', n), hex('proj', t), at(n), hex('art', n));
      }
    })();
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

interface WriterReport {
  readonly samples: [number, number][];
  readonly errors: number;
}

const writerScript = useChildScript(join(__dirname, 'support', 'writer-child.ts'));

function startWriter(path: string, stopFile: string): { ready: Promise<void>; done: Promise<WriterReport> } {
  const child = spawn(process.execPath, [writerScript(), path, stopFile]);
  let stdout = '';
  let stderr = '';
  let readyResolve: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (readyResolve = resolve));
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    if (stdout.includes('ready\n')) readyResolve();
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<WriterReport>((resolve, reject) =>
    child.on('close', (status) => {
      const line = stdout.trim().split('\n').at(-1) ?? '';
      if (status !== 0) reject(new Error(`writer exited with ${status}: ${stderr}`));
      else resolve(JSON.parse(line) as WriterReport);
    }),
  );
  return { ready, done };
}

function stats(latencies: number[]): { count: number; p50: number; p99: number; max: number } {
  const sorted = [...latencies].sort((a, b) => a - b);
  const pick = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  const round = (x: number): number => Math.round(x * 100) / 100;
  return { count: sorted.length, p50: round(pick(0.5)), p99: round(pick(0.99)), max: round(sorted.at(-1) ?? NaN) };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('drill: online backup of a large profile database under a concurrent writer', () => {
  const dir = useTempDir('lepupitre-backup-drill-');

  it('another process writes throughout: the backup completes verified and the writer is not stalled', async () => {
    const path = join(dir(), 'profile.db');
    const builtAt = Date.now();
    buildLargeProfile(path);
    const buildMs = Date.now() - builtAt;
    const stopFile = join(dir(), 'stop');
    const { db } = openGuardedDatabase(path, 'profile');

    const writer = startWriter(path, stopFile);
    await writer.ready;
    await sleep(BASELINE_MS);
    const backupStart = Date.now();
    let copyEnd = 0;
    const result = await backupDatabase(db, {
      onProgress: (p) => {
        if (p.phase !== 'copy' && copyEnd === 0) copyEnd = Date.now();
      },
    });
    const backupEnd = Date.now();
    await sleep(500);
    writeFileSync(stopFile, '');
    const report = await writer.done;
    db.close();

    const before = report.samples.filter(([t]) => t < backupStart).map(([, ms]) => ms);
    const during = report.samples.filter(([t]) => t >= backupStart && t <= backupEnd).map(([, ms]) => ms);
    const duringCopy = report.samples.filter(([t]) => t >= backupStart && t < copyEnd).map(([, ms]) => ms);
    const duringChecks = report.samples.filter(([t]) => t >= copyEnd && t <= backupEnd).map(([, ms]) => ms);
    const listed = listBackups(path, 'profile')[0];
    console.log(
      JSON.stringify(
        {
          scenario: 'writer in another process, backup on the host connection',
          databaseBytes: statSync(path).size,
          runs: TALKS * RUNS_PER_TALK,
          buildMs,
          backupMs: backupEnd - backupStart,
          copyMs: copyEnd - backupStart,
          copy: result.copy,
          backupBytes: result.manifest.bytes,
          writerErrors: report.errors,
          writerLatencyMs: {
            before: stats(before),
            duringBackup: stats(during),
            duringCopy: stats(duringCopy),
            duringVerifyAndChecksum: stats(duringChecks),
          },
        },
        null,
        2,
      ),
    );
    expect(report.errors).toBe(0);
    expect(result.manifest.verified).toBe(true);
    expect(listed).toMatchObject({ file: result.file, verified: true });
    expect(during.length).toBeGreaterThan(10);
  });

  it('the app writes on the same connection while its backup runs: interleaved, never restarted', async () => {
    const path = join(dir(), 'profile.db');
    buildLargeProfile(path);
    const { db } = openGuardedDatabase(path, 'profile');
    const latencies: number[] = [];
    let result: BackupResult | undefined;
    const backup = backupDatabase(db).then((r) => (result = r));
    const writeLoop = async (): Promise<void> => {
      for (let n = 0; result === undefined; n++) {
        const t0 = performance.now();
        writeRun(db, n);
        latencies.push(performance.now() - t0);
        await new Promise((resolve) => setImmediate(resolve));
      }
    };
    const startedAt = Date.now();
    await Promise.all([backup, writeLoop()]);
    const backupMs = Date.now() - startedAt;
    db.close();
    console.log(
      JSON.stringify(
        { scenario: 'writes on the same connection, interleaved with the copy steps', backupMs, copy: result?.copy, writes: stats(latencies) },
        null,
        2,
      ),
    );
    expect(result?.copy.restarts).toBe(0);
    expect(result?.manifest.verified).toBe(true);
    expect(latencies.length).toBeGreaterThan(10);
  });
});

function writeRun(db: DatabaseHandle, n: number): void {
  db.transaction(() => {
    rawConnectionOf(db)
      .prepare("INSERT INTO runs (id, project_id, created_at) VALUES (?, (SELECT id FROM talk_projects LIMIT 1), '2026-01-01T00:00:00+00:00')")
      .run(`run_same_${n}`);
  });
}
