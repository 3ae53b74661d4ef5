import Database from 'better-sqlite3';
import { execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditArtifacts, diagnoseDatabase, openGuardedDatabase, type ArtifactAudit } from '../../src';
import { DATA_FOLDER_SAFEGUARDS } from '../../src/safeguards/data-folder-safeguards';
import { DatabaseHandle } from '@lepupitre/db-core';
import { digestFile } from '../../src/files/file-digest';
import { cold, COLD, median } from '../support/drill-timing';

/**
 * What the artifact audit of `db doctor` costs on a profile of 10,000 recordings of ~100 KB
 * (1 GB on disk): existence and size only (`--quick`) and with every file hashed (the full
 * doctor), against the database's own `quick_check` / `integrity_check` and against the floor of
 * each (a bare `lstat` of every file; a bare sha256 of every file), all measured in this run.
 * Warm page cache (the files were just written); with LEPUPITRE_DRILL_DROP_CACHES=1 (root on
 * Linux) the hashing audit and `integrity_check` are also measured cold, which slows everything
 * else on the machine for a moment. The 1 GB is built in a temporary folder and removed.
 *
 * npx jest -c packages/db-core/jest.config.cjs --testPathIgnorePatterns=/node_modules/ --testMatch '<rootDir>/test/artifacts/artifact-audit-cost.drill.ts'
 */

jest.setTimeout(1_800_000);

const ARTIFACTS = 10_000;
const FILE_BYTES = 100_000;
const ROUNDS = 5;

/**
 * Median milliseconds of each measure over rounds that run them all, in a rotating order: a
 * noisy neighbour on a shared machine lands on every measure rather than on one.
 */
function timeInRounds<K extends string>(measures: Readonly<Record<K, () => void>>): Record<K, number> {
  const names = Object.keys(measures) as K[];
  const samples = new Map<K, number[]>(names.map((name) => [name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (let slot = 0; slot < names.length; slot++) {
      const name = names[(round + slot) % names.length] as K;
      const started = performance.now();
      measures[name]();
      samples.get(name)?.push(performance.now() - started);
    }
  }
  return Object.fromEntries(names.map((name) => [name, median(samples.get(name) ?? [])])) as Record<K, number>;
}

/**
 * One talk with 10,000 runs, each with its recording: rows through the real schema, files
 * written plainly (the store's fsync per file would make building the fixture take minutes and
 * changes nothing of what is measured).
 */
function buildProfile(profileDir: string): { dbPath: string; files: string[] } {
  const dbPath = join(profileDir, 'profile.db');
  mkdirSync(join(profileDir, 'artifacts', 'audio'), { recursive: true, mode: 0o700 });
  openGuardedDatabase(dbPath, 'profile').db.close();
  const db = new Database(dbPath);
  const files: string[] = [];
  try {
    const artifact = db.prepare("INSERT INTO artifacts VALUES (?, 'audio', ?, ?, ?, ?, ?)");
    const run = db.prepare('INSERT INTO runs (id, project_id, created_at, audio_artifact_id) VALUES (?, ?, ?, ?)');
    const content = Buffer.alloc(FILE_BYTES);
    db.transaction(() => {
      db.prepare(
        "INSERT INTO talk_projects (id, title, stage, created_at, updated_at, talk_number, is_training) VALUES ('proj_bench', 'Bench', 'train', '2026-01-01T00:00:00+00:00', '2026-01-01T00:00:00+00:00', 1, 0)",
      ).run();
      for (let i = 0; i < ARTIFACTS; i++) {
        const hex = i.toString(16).padStart(32, '0');
        const id = `art_${hex}`;
        const relpath = `artifacts/audio/${id}.wav`;
        // Distinct bytes per file, so that nothing can short-cut identical content.
        content.writeUInt32LE(i, 0);
        content.writeUInt32LE(i, FILE_BYTES - 4);
        const file = join(profileDir, relpath);
        writeFileSync(file, content, { mode: 0o600 });
        files.push(file);
        const at = `2026-01-01T00:00:00.${String(i % 1000).padStart(3, '0')}+00:00`;
        artifact.run(id, relpath, createHash('sha256').update(content).digest('hex'), FILE_BYTES, at, '{"channels":1,"format":"wav","sample_rate_hz":16000}');
        run.run(`run_${hex}`, 'proj_bench', at, id);
      }
    })();
  } finally {
    db.close();
  }
  return { dbPath, files };
}

function check(dbPath: string, pragma: 'quick_check' | 'integrity_check'): void {
  const db = new Database(dbPath, { readonly: true });
  try {
    if (db.prepare(`PRAGMA ${pragma}`).pluck().get() !== 'ok') throw new Error(`${pragma} failed`);
  } finally {
    db.close();
  }
}

/** The audit on a read-only connection, as doctor runs it. */
function audit(dbPath: string, profileDir: string, hash: boolean): ArtifactAudit {
  const raw = new Database(dbPath, { readonly: true });
  try {
    const result = auditArtifacts(new DatabaseHandle(raw, 'profile', DATA_FOLDER_SAFEGUARDS), profileDir, { hash });
    if (result.problems.length > 0 || result.rowsChecked !== ARTIFACTS) throw new Error('the audit did not see a healthy profile');
    return result;
  } finally {
    raw.close();
  }
}

describe('artifact audit cost', () => {
  const root = mkdtempSync(join(tmpdir(), 'lepupitre-audit-drill-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it(`on a profile of ${ARTIFACTS} recordings of ${FILE_BYTES / 1000} KB`, () => {
    const profileDir = join(root, 'profiles', 'prof_bench');
    const buildStarted = performance.now();
    const { dbPath, files } = buildProfile(profileDir);
    const buildMs = performance.now() - buildStarted;
    const dbBytes = statSync(dbPath).size;
    // The gigabyte just written is flushed first, so that no measure pays for its write-back.
    execSync('sync');

    const t = timeInRounds({
      quickCheck: () => check(dbPath, 'quick_check'),
      integrity: () => check(dbPath, 'integrity_check'),
      lstatFloor: () => files.forEach((file) => lstatSync(file)),
      sizeAudit: () => audit(dbPath, profileDir, false),
      digestFloor: () => files.forEach((file) => digestFile(file)),
      hashAudit: () => audit(dbPath, profileDir, true),
      doctorQuick: () => {
        if (diagnoseDatabase(dbPath, 'profile', { integrity: 'quick' }).problems.length > 0) throw new Error('doctor --quick found problems');
      },
      doctorFull: () => {
        if (diagnoseDatabase(dbPath, 'profile').problems.length > 0) throw new Error('doctor found problems');
      },
    });
    expect(audit(dbPath, profileDir, true)).toMatchObject({ bytesChecked: ARTIFACTS * FILE_BYTES, hashed: true });

    const s = (ms: number): string => (ms < 1000 ? `${ms.toFixed(1)} ms` : `${(ms / 1000).toFixed(2)} s`);
    const x = (a: number, b: number): string => `${(a / b).toFixed(1)}x`;
    const mbPerS = (ms: number): string => `${((ARTIFACTS * FILE_BYTES) / 1e6 / (ms / 1000)).toFixed(0)} MB/s`;
    const lines = [
      `profile: ${ARTIFACTS} artifacts, ${((ARTIFACTS * FILE_BYTES) / 1e9).toFixed(2)} GB of files, database ${(dbBytes / 1e6).toFixed(1)} MB (built in ${s(buildMs)}); median of ${ROUNDS} rounds, warm cache`,
      `quick_check ${s(t.quickCheck)} | integrity_check ${s(t.integrity)}`,
      `audit, existence and size: ${s(t.sizeAudit)} = ${x(t.sizeAudit, t.integrity)} integrity_check, ${x(t.sizeAudit, t.lstatFloor)} a bare lstat of every file (${s(t.lstatFloor)})`,
      `audit, hashed: ${s(t.hashAudit)} (${mbPerS(t.hashAudit)}) = ${x(t.hashAudit, t.integrity)} integrity_check, ${x(t.hashAudit, t.sizeAudit)} existence and size, ${x(t.hashAudit, t.digestFloor)} a bare sha256 of every file (${s(t.digestFloor)})`,
      `doctor --quick ${s(t.doctorQuick)} | doctor (full) ${s(t.doctorFull)} = ${x(t.doctorFull, t.doctorQuick)} --quick`,
    ];
    if (COLD) {
      lines.push(
        `cold: integrity_check ${s(cold(() => check(dbPath, 'integrity_check')))} | audit existence and size ${s(cold(() => audit(dbPath, profileDir, false)))} | audit hashed ${s(cold(() => audit(dbPath, profileDir, true)))}`,
      );
    }
    console.log(lines.join('\n'));
  });
});
