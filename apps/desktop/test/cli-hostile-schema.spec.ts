import { MIGRATIONS } from '@lepupitre/db-core';
import { addOplogRows, appendToSchemaText, attachTail, undoLastMigration } from '@lepupitre/fixtures';
import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { jsonOf, removeDir, runCli, tempDir } from './support/cli-harness';
import { CommandWorld } from './support/command-world';
import { countRows, schemaTexts } from './support/hostile-schema';
import { createFilledDatabase, damageLeafOf } from './support/recovery-data';

// Each test runs the CLI in process (see runCli); the timeout leaves room on busy machines.
jest.setTimeout(60_000);

const RUNS = 400;
const OPLOG = 25;

/**
 * A damaged profile database one migration behind whose `oplog` entry in the schema ends with
 * `; ATTACH DATABASE '<outside>' AS x; CREATE TABLE x.t(a)`. Recovery rebuilds such a file from
 * its own schema: neither `db recover` nor the open path of an ordinary command may run the
 * tail. Nothing appears outside the data folder, the rows are salvaged into this app's schema.
 */
describe('schema text with statements after it, in a damaged profile database', () => {
  let work: string;
  let dataDir: string;
  let outsideDir: string;

  beforeEach(() => {
    work = tempDir('hostile-schema');
    dataDir = path.join(work, 'data');
    outsideDir = path.join(work, 'outside');
    mkdirSync(outsideDir);
  });

  afterEach(() => removeDir(work));

  /** Crafts the profile database in place: older, hostile text, a damaged `runs` leaf. */
  function craft(file: string): void {
    addOplogRows(file, OPLOG);
    undoLastMigration(file, MIGRATIONS.profile);
    appendToSchemaText(file, 'oplog', attachTail(path.join(outsideDir, 'attached.db')));
    damageLeafOf(file, 'runs');
  }

  function expectNothingOutside(): void {
    expect(readdirSync(outsideDir)).toEqual([]);
    expect(readdirSync(work).sort()).toEqual(['data', 'outside']);
  }

  function expectRebuiltFromAppSchema(file: string): void {
    for (const text of schemaTexts(file)) expect(text).not.toMatch(/ATTACH|;/i);
    expect(countRows(file, 'oplog')).toBe(OPLOG);
  }

  it('is never run by db recover --profile: a clean rebuild, the readable rows salvaged', async () => {
    const profile = 'prof_alice';
    const file = path.join(dataDir, 'profiles', profile, 'profile.db');
    createFilledDatabase(path.join(dataDir, 'global.db'), 'global', 5);
    createFilledDatabase(file, 'profile', RUNS);
    craft(file);

    const run = await runCli(['db', 'recover', '--data-dir', dataDir, '--profile', profile, '--json'], { cwd: work });

    expectNothingOutside();
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const [entry] = jsonOf(run)['databases'] as Record<string, unknown>[];
    expect(entry).toMatchObject({ ok: true, outcome: 'recovered' });
    const report = entry?.['report'] as { repairs: string[]; totals: { salvaged: number; partial: number; lost: number }; result: unknown };
    expect(report.repairs).toContain('file-schema-refused');
    expect(report.result).toEqual({ schemaVersion: expect.any(String), integrityCheck: 'ok', foreignKeyViolations: 0 });
    expectRebuiltFromAppSchema(file);
    // Only the rows of the damaged page can be missing, and rows rebuilt from indexes count.
    expect(countRows(file, 'runs')).toBeGreaterThan(RUNS * 0.9);
    expect(countRows(file, 'talk_projects')).toBe(1);

    const doctor = await runCli(['db', 'doctor', '--data-dir', dataDir, '--profile', profile, '--json'], { cwd: work });
    expect(doctor.code).toBe(0);
    expectNothingOutside();
  });

  it('is never run by ipc project_list, whose open recovers the database by itself', async () => {
    const world = new CommandWorld(dataDir);
    let profileId: string;
    try {
      profileId = await world.createProfile('Ada');
      await world.ok('project_create', { profileId, payload: { title: 'Kept talk' } });
    } finally {
      await world.stop();
    }
    const file = path.join(dataDir, 'profiles', profileId, 'profile.db');
    createFilledDatabase(file, 'profile', RUNS);
    craft(file);

    const run = await runCli(['ipc', 'project_list', JSON.stringify({ profileId }), '--data-dir', dataDir], { cwd: work });

    expectNothingOutside();
    expect(run.code).toBe(0);
    const listed = jsonOf(run);
    expect(listed['ok']).toBe(true);
    expect((listed['data'] as { title: string }[]).map((t) => t.title).sort()).toEqual(['Base talk', 'Kept talk']);
    expectRebuiltFromAppSchema(file);
    expect(countRows(file, 'runs')).toBeGreaterThan(RUNS * 0.9);
    // The damaged original went to quarantine, beside the report of what was done.
    expect(readdirSync(path.join(path.dirname(file), 'corrupted')).some((f) => f.endsWith('.report.json'))).toBe(true);
  });
});
