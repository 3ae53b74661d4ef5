import { ArtifactStore, defineQuery, openDatabase, profileQueryBuilder as qb, type QueryParams } from '@lepupitre/db-core';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countSteps, replayWithFaults, type FaultScenario, type FaultWorld, TEST_SAFEGUARDS } from '../src';

const putSetting = defineQuery((p: QueryParams<{ key: string; value: string }>) =>
  qb.insertInto('profile_settings').values({ key: p.key, value_json: p.value }),
);

const folders: string[] = [];
afterAll(() => folders.forEach((f) => rmSync(f, { recursive: true, force: true })));

function world(): FaultWorld & { store: ArtifactStore } {
  const folder = mkdtempSync(join(tmpdir(), 'lepupitre-fault-'));
  folders.push(folder);
  const databasePath = join(folder, 'profile.db');
  const { db } = openDatabase(databasePath, 'profile', { safeguards: TEST_SAFEGUARDS });
  db.run(putSetting, { key: 'existing', value: '1' });
  return { db, databasePath, folder, store: new ArtifactStore(db, folder) };
}

const sound: FaultScenario<ReturnType<typeof world>> = {
  setup: world,
  flow: ({ db, store }) =>
    db.transaction(() => {
      store.store({ type: 'feedback', ext: 'json', bytes: Buffer.from('{"a":1}'), metadata: { run_id: 'run_1' } });
      db.run(putSetting, { key: 'k1', value: '1' });
      store.store({ type: 'transcript', ext: 'json', bytes: Buffer.from('{"b":2}'), metadata: {} });
      db.run(putSetting, { key: 'k2', value: '2' });
    }),
};

describe('fault injection harness', () => {
  it('counts the statements, file operations and the commit of a flow', () => {
    const kinds = countSteps(sound).map((s) => `${s.kind}:${s.detail.split(' ')[0]}`);
    expect(kinds).toEqual([
      'file:artifact', 'file:artifact', 'file:artifact', 'statement:insert',
      'statement:insert',
      'file:artifact', 'file:artifact', 'file:artifact', 'statement:insert',
      'statement:insert',
      'commit:commit',
    ]);
  });

  it('finds a sound flow unchanged after a failure at every step', () => {
    const replays = replayWithFaults(sound);
    expect(replays).toHaveLength(11);
    for (const replay of replays) {
      // A failed file operation reaches the caller as the store's own error, caused by the fault.
      const reached = replay.event.kind === 'file' ? (replay.error as { cause?: unknown }).cause : replay.error;
      expect(reached).toMatchObject({ code: 'DB_INJECTED_FAULT' });
      if (replay.event.kind === 'file') expect(replay.error).toMatchObject({ code: 'artifact_write_failed' });
      expect(replay.after).toEqual(replay.before);
    }
  });

  it('catches a flow that leaves a file behind when a later step fails', () => {
    const leaky: FaultScenario<ReturnType<typeof world>> = {
      setup: world,
      flow: ({ db, folder }) => {
        writeFileSync(join(folder, 'export.md'), '# not compensated');
        db.transaction(() => db.run(putSetting, { key: 'k1', value: '1' }));
      },
    };
    const replays = replayWithFaults(leaky);
    expect(replays.some((r) => JSON.stringify(r.after) !== JSON.stringify(r.before))).toBe(true);
  });

  it('catches a flow whose steps are not in one transaction', () => {
    const split: FaultScenario<ReturnType<typeof world>> = {
      setup: world,
      flow: ({ db }) => {
        db.run(putSetting, { key: 'k1', value: '1' });
        db.run(putSetting, { key: 'k2', value: '2' });
      },
    };
    const changed = replayWithFaults(split).filter((r) => JSON.stringify(r.after) !== JSON.stringify(r.before));
    expect(changed.map((r) => r.step)).toEqual([2]);
  });
});
