import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { MIGRATIONS } from '@lepupitre/db-core';
import { addOplogRows, appendToSchemaText, attachTail, undoLastMigration, useTempDir } from '@lepupitre/fixtures';
import { openWithRecovery, recoverDatabase, openGuardedDatabase } from '../../src';
import { buildProfile, keysByTable, overwritePage, pageOf, seeded } from './corruption-fixtures';

/**
 * A damaged profile database one migration behind whose stored schema text carries statements
 * after its `CREATE TABLE`: SQLite ignores them when it loads the schema, so only recovery,
 * which rebuilds an older file from its own schema, could run them. They must never run: no
 * file appears outside the data folder, the rows are salvaged into this app's schema.
 */

const dir = useTempDir('lepupitre-hostile-schema-');
const LATEST = MIGRATIONS.profile.at(-1)?.id;

interface Crafted {
  readonly path: string;
  readonly outside: string;
  readonly before: Map<string, Set<string>>;
}

function craft(): Crafted {
  const path = join(dir(), 'data', 'profiles', 'prof_1', 'profile.db');
  const outside = join(dir(), 'outside', 'attached.db');
  mkdirSync(dirname(outside), { recursive: true });
  buildProfile(path, { talks: 6, runsPerTalk: 40, attemptsPerTalk: 4, metadataBytes: 200 });
  addOplogRows(path, 30);
  undoLastMigration(path, MIGRATIONS.profile);
  appendToSchemaText(path, 'oplog', attachTail(outside));
  const before = keysByTable(path);
  overwritePage(path, pageOf(path, 'runs', 'leaf'), seeded(41));
  return { path, outside, before };
}

function schemaOf(path: string): Map<string, string> {
  const db = new Database(path, { readonly: true });
  try {
    const rows = db.prepare("SELECT type || ':' || name AS key, sql FROM sqlite_master WHERE sql IS NOT NULL").all() as { key: string; sql: string }[];
    return new Map(rows.map((r) => [r.key, r.sql] as const));
  } finally {
    db.close();
  }
}

function freshSchema(): Map<string, string> {
  const path = join(dir(), 'fresh', 'profile.db');
  mkdirSync(dirname(path), { recursive: true });
  openGuardedDatabase(path, 'profile').db.close();
  return schemaOf(path);
}

/** Every row the damaged file held is back, but for the few the report counts as lost. */
function expectRowsBack(path: string, before: Map<string, Set<string>>, lost: number): void {
  const after = keysByTable(path);
  let missing = 0;
  for (const [table, keys] of before) missing += [...keys].filter((k) => !after.get(table)?.has(k)).length;
  expect(missing).toBeLessThanOrEqual(lost);
  expect(after.get('oplog')).toEqual(before.get('oplog'));
}

describe('schema text with statements after its CREATE TABLE, in a damaged file one migration behind', () => {
  it('is written as the fixture says: SQLite loads the file as if the tail were not there', () => {
    const { path, outside } = craft();
    const db = new Database(path, { readonly: true });
    try {
      expect(db.prepare("SELECT sql FROM sqlite_master WHERE name = 'oplog'").pluck().get()).toContain('ATTACH DATABASE');
      expect(db.prepare('SELECT count(*) FROM oplog').pluck().get()).toBe(30);
    } finally {
      db.close();
    }
    expect(existsSync(outside)).toBe(false);
  });

  it('is never run by recoverDatabase: nothing outside the data folder, the rows salvaged into this app schema', () => {
    const { path, outside, before } = craft();

    const report = recoverDatabase(path, 'profile');

    expect(readdirSync(dirname(outside))).toEqual([]);
    expect(report.outcome).toBe('recovered');
    expect(report.repairs).toContain('file-schema-refused');
    expect(report.result).toEqual({ schemaVersion: LATEST, integrityCheck: 'ok', foreignKeyViolations: 0 });
    expect(schemaOf(path)).toEqual(freshSchema());
    expectRowsBack(path, before, report.totals.lost);
  });

  it('is never run by the open path, which recovers by itself', () => {
    const { path, outside, before } = craft();

    const { db, recovery } = openWithRecovery(path, 'profile');
    db.close();

    expect(readdirSync(dirname(outside))).toEqual([]);
    expect(recovery).toMatchObject({ outcome: 'recovered', repairs: expect.arrayContaining(['file-schema-refused']) });
    expect(schemaOf(path)).toEqual(freshSchema());
    expectRowsBack(path, before, recovery?.totals.lost ?? 0);
  });
});
