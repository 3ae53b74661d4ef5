/**
 * Drill: what a profile backup with its artifact files costs, the first time (every file
 * copied and hashed) and the next (every file hard-linked from the first backup), on a profile
 * of ~1 GB of artifacts. Prints same-run ratios; asserts only what must hold whatever the
 * machine (the second backup adds no artifact bytes). Not part of `npm test`; `npm run drills`
 * runs it, or alone:
 *   npx jest -c packages/db-core/jest.config.cjs --testPathIgnorePatterns=/node_modules/ \
 *     --testMatch '<rootDir>/test/backups/backup-artifacts-cost.drill.ts'
 * LEPUPITRE_DRILL_ARTIFACTS=<count>x<KiB> changes the shape (default 10000x100; 100x10240 is
 * a hundred WAV-sized takes). The data is built in a temporary folder, removed afterwards.
 */
import Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BackupResult, openGuardedDatabase } from '../../src';
import { backupDatabase } from '../../src/backups/take-backup';
import { type DatabaseHandle } from '@lepupitre/db-core';

jest.setTimeout(1_800_000);

const [COUNT, KIB] = (process.env['LEPUPITRE_DRILL_ARTIFACTS'] ?? '10000x100').split('x').map(Number) as [number, number];
const hex = (prefix: string, n: number): string => `${prefix}_${n.toString(16).padStart(32, '0')}`;

/**
 * A migrated profile whose `artifacts` rows each name a real file of `KIB` KiB under
 * `artifacts/audio/`, written directly (no fsync per file: building is not what is measured).
 * Files differ by their first bytes, so every sha256 differs.
 */
function buildProfile(folder: string): number {
  const path = join(folder, 'profile.db');
  openGuardedDatabase(path, 'profile').db.close();
  mkdirSync(join(folder, 'artifacts', 'audio'), { recursive: true });
  const body = randomBytes(KIB * 1024);
  const db = new Database(path);
  const insert = db.prepare("INSERT INTO artifacts (id, type, local_relpath, sha256, bytes, created_at, metadata_json) VALUES (?, 'audio', ?, ?, ?, '2026-01-01T00:00:00+00:00', '{}')");
  let total = 0;
  db.transaction(() => {
    for (let n = 0; n < COUNT; n++) {
      body.writeUInt32BE(n, 0);
      const id = hex('art', n);
      const relpath = `artifacts/audio/${id}.wav`;
      writeFileSync(join(folder, relpath), body);
      insert.run(id, relpath, createHash('sha256').update(body).digest('hex'), body.length);
      total += body.length;
    }
  })();
  db.close();
  return total;
}

async function timed(db: DatabaseHandle, at: Date): Promise<{ ms: number; result: BackupResult }> {
  const started = performance.now();
  const result = await backupDatabase(db, { now: () => at });
  return { ms: performance.now() - started, result };
}

describe('profile backup with its artifact files', () => {
  const root = mkdtempSync(join(tmpdir(), 'lepupitre-backup-artifacts-drill-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it(`${COUNT} files of ${KIB} KiB: first backup, then one of the unchanged profile`, async () => {
    const buildStarted = performance.now();
    const artifactBytes = buildProfile(root);
    const buildMs = performance.now() - buildStarted;
    const { db } = openGuardedDatabase(join(root, 'profile.db'), 'profile');
    const first = await timed(db, new Date('2026-11-25T08:00:00Z'));
    const second = await timed(db, new Date('2026-11-25T09:00:00Z'));
    db.close();

    expect(first.result.artifacts).toMatchObject({ files: COUNT, copied: COUNT, missing: 0, newBytes: artifactBytes });
    expect(second.result.artifacts).toMatchObject({ files: COUNT, missing: 0, newBytes: 0 });

    const mib = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);
    const row = (label: string, run: { ms: number; result: BackupResult }): string => {
      const a = run.result.artifacts;
      const newMib = mib(run.result.manifest.bytes + (a?.newBytes ?? 0));
      return `${label} | ${(run.ms / 1000).toFixed(2)} s | ${a?.copied} copied, ${a?.linked} linked | ${newMib} MiB new (db ${mib(run.result.manifest.bytes)} MiB)`;
    };
    console.log(
      [
        `profile: ${COUNT} files, ${mib(artifactBytes)} MiB of artifacts (built in ${(buildMs / 1000).toFixed(1)} s; warm page cache)`,
        'backup | time | files | new bytes',
        row('first', first),
        row('second (unchanged)', second),
        `ratio second/first: time ${(second.ms / first.ms).toFixed(3)}, new bytes ${(
          (second.result.manifest.bytes + (second.result.artifacts?.newBytes ?? 0)) /
          (first.result.manifest.bytes + (first.result.artifacts?.newBytes ?? 0))
        ).toFixed(4)}`,
      ].join('\n'),
    );
  });
});
