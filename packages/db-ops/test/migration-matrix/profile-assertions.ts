import { LEGACY_QUEST, PROFILE_DATA_TABLES, PROFILE_TABLE_KEYS, type ProfileFixture, type ProfileFixtureCase } from '@lepupitre/fixtures';
import { expectSecondOpenIsANoOp, expectSnapshot, expectSoundDatabase, inspect, tableRows, upgrade } from './matrix-support';
import { expectRows, fixtureExpectation, withExpectation, type ExpectationSource } from './expected-rows';
import { nextRebuildMigration, runWithNext } from './next-rebuild';
import { readSchema } from './schema-reads';

/**
 * The seeded catalogue as the previous app shipped it (docs/contexts/quest.md), written out
 * here rather than taken from the fixtures, so that a wrong literal anywhere is caught. Its
 * rows name the columns the catalogue means; a column added to `quests` later must read NULL.
 */
const CATALOGUE_SOURCE: ExpectationSource = {
  subject: 'the seeded quest catalogue',
  file: 'packages/db-ops/test/migration-matrix/profile-assertions.ts',
};

const CATALOGUE = [
  {
    code: 'A01',
    title: 'Goal Sentence',
    category: 'start',
    estimated_sec: 180,
    prompt: 'À la fin, ils sauront ___ pour ___.',
    output_type: 'text',
    targets_issues_json: '["no_start","unclear_goal"]',
  },
  {
    code: 'D01',
    title: 'Intro 45s',
    category: 'delivery',
    estimated_sec: 180,
    prompt: 'Enregistre une intro 45s : promesse + plan.',
    output_type: 'audio',
    targets_issues_json: '["weak_intro","fillers","pace"]',
  },
  {
    code: 'FREE',
    title: 'Quête libre',
    category: 'free',
    estimated_sec: 180,
    prompt: "Capture libre : parle d'un point clé sans contrainte.",
    output_type: 'audio',
    targets_issues_json: '[]',
  },
];

/**
 * One profile case of the matrix: build, upgrade, and check schema, history, data, integrity,
 * snapshot and idempotence; then that the next migration rebuilding a table still applies.
 */
export function checkProfileUpgrade(fixtureCase: ProfileFixtureCase, dataDir: string): ProfileFixture {
  return checkProfileFixture(fixtureCase.build(dataDir));
}

export function checkProfileFixture(fixture: ProfileFixture): ProfileFixture {
  const result = upgrade(fixture);
  expectSoundDatabase(fixture, result);
  expectProfileData(fixture);
  expectSnapshot(fixture, result, fixture.seeded, PROFILE_TABLE_KEYS);
  expectSecondOpenIsANoOp(fixture);
  expectProfileData(fixture);
  expectNextRebuildApplies(fixture);
  return fixture;
}

/**
 * The next table rebuild (`nextRebuildMigration`, test only) applies on the upgraded file and
 * leaves schema, rows and foreign-key violations exactly as they were. It runs last: the file
 * then records an id this app does not know.
 */
export function expectNextRebuildApplies(fixture: ProfileFixture): void {
  const schema = readSchema(fixture.path);
  const next = nextRebuildMigration();
  expect(runWithNext(fixture.path, next)).toEqual([next.id]);
  expect(readSchema(fixture.path)).toEqual(schema);
  expectProfileData(fixture);
}

export function expectProfileData(fixture: ProfileFixture): void {
  const expected = fixture.expected;
  inspect(fixture.path, (db) => withExpectation(fixtureExpectation(fixture), () => {
    // Every table read once: both passes below look at the same rows.
    const read = new Map(PROFILE_DATA_TABLES.map((table) => [table, tableRows(db, table, PROFILE_TABLE_KEYS[table] as string)] as const));
    const actual = (table: string): Record<string, unknown>[] => read.get(table) ?? [];

    // Row by row, the readable checks first.
    for (const table of PROFILE_DATA_TABLES) {
      const key = PROFILE_TABLE_KEYS[table] as string;
      const keys = actual(table).map((r) => String(r[key]));
      expect({ table, present: keys }).toEqual({ table, present: expected.survivors[table] });
      for (const gone of expected.deleted[table] ?? []) expect({ table, gone, present: keys.includes(gone) }).toEqual({ table, gone, present: false });
    }
    for (const ref of expected.nulled) {
      const key = PROFILE_TABLE_KEYS[ref.table] as string;
      const row = db.prepare(`SELECT "${ref.column}" AS value FROM "${ref.table}" WHERE "${key}" = ?`).get(ref.id) as { value: unknown };
      expect({ ...ref, value: row.value }).toEqual({ ...ref, value: null });
    }
    const numbers = Object.fromEntries(
      (db.prepare('SELECT id, talk_number FROM talk_projects').all() as { id: string; talk_number: number | null }[]).map((r) => [r.id, r.talk_number]),
    );
    expect(numbers).toEqual(expected.talkNumbers);

    // Then every row of every table: each column the expectation names, and NULL in the others.
    for (const table of PROFILE_DATA_TABLES) {
      expectRows('profile', table, PROFILE_TABLE_KEYS[table] as string, actual(table), expected.tables[table] ?? []);
    }

    // A legacy quest, untouched.
    if (fixture.written.some((s) => s.table === 'quests' && s.row.code === LEGACY_QUEST.code)) {
      expectRows('profile', 'quests', 'code', db.prepare('SELECT * FROM quests WHERE code = ?').all(LEGACY_QUEST.code) as Record<string, unknown>[], [LEGACY_QUEST]);
    }

    const violations = (db.prepare('SELECT "table" AS t, parent FROM pragma_foreign_key_check').all() as { t: string; parent: string }[])
      .map((v) => ({ table: v.t, parent: v.parent }))
      .sort((a, b) => `${a.table}>${a.parent}`.localeCompare(`${b.table}>${b.parent}`));
    expect(violations).toEqual(expected.foreignKeyViolations);
  }));

  // The three seeded quests, exactly.
  inspect(fixture.path, (db) =>
    withExpectation({ ...CATALOGUE_SOURCE, subject: `fixture ${fixture.name}, ${CATALOGUE_SOURCE.subject}` }, () => {
      const quests = db.prepare("SELECT * FROM quests WHERE code IN ('A01', 'D01', 'FREE') ORDER BY code").all() as Record<string, unknown>[];
      expectRows('profile', 'quests', 'code', quests, CATALOGUE);
    }),
  );
}
