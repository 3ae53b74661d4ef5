import Database from 'better-sqlite3';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { diagnoseDatabase, openWithRecovery, recoverDatabase, openGuardedDatabase } from '../../src';
import { addProfileRows, buildProfile, overwritePage, pageOf, seeded, takeTestBackup, withUncheckpointedWal } from './corruption-fixtures';
import { cold, COLD, median } from '../support/drill-timing';

/**
 * What integrity checks cost, to decide when they run: `PRAGMA quick_check` and
 * `integrity_check` on a ~50 MB and a ~500 MB profile database, against the open without them;
 * and what a recovery and a doctor run cost at those sizes. Warm page cache (the files were
 * just written). With LEPUPITRE_DRILL_DROP_CACHES=1 (root on Linux) the checks and the open are
 * also measured cold, after dropping the page cache, which slows everything else on the machine
 * for a moment.
 *
 * npx jest -c packages/db-core/jest.config.cjs --testPathIgnorePatterns=/node_modules/ --testMatch '<rootDir>/test/recovery/integrity-cost.drill.ts'
 */

jest.setTimeout(1_800_000);

const TARGETS_MB = [50, 500];
/** Rows per batch: one talk with 40 runs and 10 attempts is ~0.25 MB with this metadata size. */
const BATCH = { talks: 20, runsPerTalk: 40, attemptsPerTalk: 10, metadataBytes: 1200 };

function time(fn: () => void, runs: number): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    fn();
    samples.push(performance.now() - started);
  }
  return median(samples);
}

function check(path: string, pragma: 'quick_check' | 'integrity_check'): void {
  const db = new Database(path, { readonly: true });
  try {
    const rows = db.prepare(`PRAGMA ${pragma}`).pluck().all();
    if (rows[0] !== 'ok') throw new Error(`${pragma} failed`);
  } finally {
    db.close();
  }
}

describe('integrity check cost', () => {
  const root = mkdtempSync(join(tmpdir(), 'lepupitre-integrity-drill-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const lines: string[] = [];
  afterAll(() => console.log(['size | open (no check) | open after crash (auto quick_check) | quick_check | integrity_check | doctor (full) | recover (1 damaged leaf, with backup)', ...lines].join('\n')));

  it.each(TARGETS_MB)('on a %i MB profile database', (targetMb) => {
    const path = join(root, `p${targetMb}`, 'profile.db');
    mkdirSync(dirname(path), { recursive: true });
    const buildStarted = performance.now();
    buildProfile(path, { ...BATCH, talks: 1 });
    for (let batch = 1; statSync(path).size < targetMb * 1024 * 1024; batch++) addProfileRows(path, { ...BATCH, offset: batch * BATCH.talks });
    const buildMs = performance.now() - buildStarted;
    const bytes = statSync(path).size;

    const openMs = time(() => openGuardedDatabase(path, 'profile').db.close(), 5);
    const quickMs = time(() => check(path, 'quick_check'), 3);
    const fullMs = time(() => check(path, 'integrity_check'), 3);
    // The database alone: its artifact rows have no files here, and the audit of artifact files
    // has its own drill (`test/artifacts/artifact-audit-cost.drill.ts`).
    const doctorMs = time(() => void diagnoseDatabase(path, 'profile', { artifacts: 'none' }), 1);
    const coldText = COLD
      ? ` | cold: open ${cold(() => openGuardedDatabase(path, 'profile').db.close()).toFixed(1)} ms, quick_check ${cold(() => check(path, 'quick_check')).toFixed(0)} ms, integrity_check ${cold(() => check(path, 'integrity_check')).toFixed(0)} ms`
      : '';

    // An unclean shutdown: the last transaction only in the -wal.
    const crashed = join(root, `c${targetMb}`, 'profile.db');
    mkdirSync(dirname(crashed), { recursive: true });
    copyFileSync(path, crashed);
    withUncheckpointedWal(crashed, (db) => db.prepare("INSERT INTO profile_settings VALUES ('after.crash', '1')").run());
    const crashStarted = performance.now();
    const opened = openWithRecovery(crashed, 'profile');
    const crashOpenMs = performance.now() - crashStarted;
    opened.db.close();
    expect(opened.healthCheck.ran).toBe(true);

    takeTestBackup(path, 'profile');
    overwritePage(path, pageOf(path, 'runs', 'leaf'), seeded(7));
    const recoverStarted = performance.now();
    const report = recoverDatabase(path, 'profile');
    const recoverMs = performance.now() - recoverStarted;
    expect(report.outcome).toBe('recovered');

    const mb = (bytes / 1024 / 1024).toFixed(0);
    const s = (ms: number): string => (ms < 1000 ? `${ms.toFixed(1)} ms` : `${(ms / 1000).toFixed(2)} s`);
    lines.push(`${mb} MB (built in ${s(buildMs)}) | ${s(openMs)} | ${s(crashOpenMs)} | ${s(quickMs)} | ${s(fullMs)} | ${s(doctorMs)} | ${s(recoverMs)}${coldText}`);
  });
});
