import Database from 'better-sqlite3';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MIGRATIONS, type OpenReport } from '@lepupitre/db-core';
import { buildDrillDatabase } from './drills/drill-database';
import { useMigratingChild, type ChildOutcome } from './drills/run-child';
import { useTempDir } from '@lepupitre/fixtures';

const ids = MIGRATIONS.profile.map((m) => m.id);

function waitForReady(child: { stdout: NodeJS.ReadableStream }): Promise<void> {
  return new Promise((resolve) => {
    const onData = (chunk: Buffer): void => {
      if (chunk.toString().includes('ready')) {
        child.stdout.off('data', onData);
        resolve();
      }
    };
    child.stdout.on('data', onData);
  });
}

type ChildReport = OpenReport & { startedAt: number; finishedAt: number };

function reportOf(outcome: ChildOutcome): ChildReport {
  const line = outcome.stdout.trim().split('\n').at(-1) as string;
  const parsed = JSON.parse(line) as { ok: boolean; report: OpenReport; startedAt: number; finishedAt: number };
  expect(parsed.ok).toBe(true);
  return { ...parsed.report, startedAt: parsed.startedAt, finishedAt: parsed.finishedAt };
}

describe('two processes opening one database at once', () => {
  const dir = useTempDir();
  const migrating = useMigratingChild();

  it.each([
    ['a legacy profile database', 'profile.db', 'profile', (p: string) => buildDrillDatabase(p, 200)],
    ['a new global database', 'global.db', 'global', () => undefined],
  ] as const)('%s: exactly one migrates, the other waits and finds it current', async (_label, file, scope, build) => {
    const path = join(dir(), file);
    build(path);
    const go = join(dir(), 'go');
    const first = migrating.start([path, scope, 'none', go]);
    const second = migrating.start([path, scope, 'none', go]);
    await Promise.all([waitForReady(first.child), waitForReady(second.child)]);
    writeFileSync(go, '');
    const outcomes = await Promise.all([first.done, second.done]);
    for (const outcome of outcomes) expect(outcome).toMatchObject({ status: 0, signal: null });

    const reports = outcomes.map(reportOf);
    const expected = scope === 'profile' ? ids : MIGRATIONS.global.map((m) => m.id);
    const migrator = reports.find((r) => r.appliedNow.length > 0);
    const waiter = reports.find((r) => r.appliedNow.length === 0);
    expect(migrator?.appliedNow).toEqual(expected);
    expect(waiter).toBeDefined();
    expect(waiter?.snapshot).toBeNull();
    // They really overlapped: the waiter had started before the migrator was done.
    expect(waiter?.startedAt).toBeLessThan(migrator?.finishedAt as number);

    const db = new Database(path, { readonly: true });
    expect(db.prepare('SELECT version FROM schema_migrations ORDER BY rowid').pluck().all()).toEqual(expected);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    if (scope === 'profile') {
      expect(readdirSync(join(dir(), 'backups')).filter((f) => f.endsWith('.db'))).toEqual([migrator?.snapshot]);
    }
    // Two child processes start node and load the bundled code before they race: well under a
    // second on a quiet machine, several under load, which jest's default 5 s would turn into a
    // false failure.
  }, 30_000);
});
