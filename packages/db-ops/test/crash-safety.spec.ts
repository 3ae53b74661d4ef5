import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MIGRATIONS } from '@lepupitre/db-core';
import { buildDrillDatabase, dumpContent } from './drills/drill-database';
import { useMigratingChild } from './drills/run-child';
import { useTempDir } from '@lepupitre/fixtures';
import { openGuardedDatabase } from '../src';

const PROFILE = MIGRATIONS.profile;
const ids = PROFILE.map((m) => m.id);

/**
 * Kill points: every migration boundary (after a commit), and every step of the two table
 * rebuilds plus the moment before their commit.
 */
const killPoints: { point: string; committed: number }[] = [
  ...ids.map((id, i) => ({ point: `afterMigration:${id}`, committed: i + 1 })),
  ...PROFILE.filter((m) => m.rebuildsTables).flatMap((m) => {
    const before = ids.indexOf(m.id);
    return [
      ...m.steps.map((_, step) => ({ point: `afterStep:${m.id}:${step}`, committed: before })),
      { point: `beforeCommit:${m.id}`, committed: before },
    ];
  }),
];

function recorded(path: string): string[] {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare('SELECT version FROM schema_migrations ORDER BY rowid').pluck().all() as string[];
  } finally {
    db.close();
  }
}

function integrity(path: string): { integrity: string; halfBuilt: string[] } {
  const db = new Database(path, { readonly: true });
  try {
    return {
      integrity: db.pragma('integrity_check', { simple: true }) as string,
      halfBuilt: db.prepare("SELECT name FROM sqlite_master WHERE name LIKE '%\\_new' ESCAPE '\\'").pluck().all() as string[],
    };
  } finally {
    db.close();
  }
}

describe('a process killed during an upgrade', () => {
  const dir = useTempDir();
  const migrating = useMigratingChild();
  // The legacy database and the content a clean upgrade gives it: built once, read-only
  // afterwards (each kill point copies the pristine file into its own folder).
  let shared: string;
  let reference: Record<string, unknown[]>;
  let pristine: string;

  beforeAll(() => {
    shared = mkdtempSync(join(tmpdir(), 'lepupitre-crash-safety-'));
    pristine = join(shared, 'pristine.db');
    buildDrillDatabase(pristine);
    const referencePath = join(shared, 'reference', 'profile.db');
    openGuardedDatabase(join(shared, 'reference', 'seed.db'), 'profile').db.close(); // creates the folder
    copyFileSync(pristine, referencePath);
    openGuardedDatabase(referencePath, 'profile').db.close();
    reference = dumpContent(referencePath);
  });
  afterAll(() => rmSync(shared, { recursive: true, force: true }));

  it.each(killPoints)('at $point leaves the last completed migration, and the next open finishes the upgrade', ({ point, committed }) => {
    const path = join(dir(), 'profile.db');
    copyFileSync(pristine, path);

    const outcome = migrating.run([path, 'profile', point]);
    expect(outcome.signal).toBe('SIGKILL');

    expect(integrity(path)).toEqual({ integrity: 'ok', halfBuilt: [] });
    expect(recorded(path)).toEqual(committed === 0 ? [] : ids.slice(0, committed));

    const { db, report } = openGuardedDatabase(path, 'profile');
    db.close();
    expect(report.appliedNow).toEqual(ids.slice(committed));
    expect(dumpContent(path)).toEqual(reference);
    // The killed run had already taken its snapshot; the resumed one takes another only if
    // migrations were still pending.
    expect(readdirSync(join(dir(), 'backups')).filter((f) => f.endsWith('.db')).length).toBe(committed === ids.length ? 1 : 2);
  });
});
