import type { DatabaseHandle } from '@lepupitre/db-core';
import { openGuardedDatabase } from '@lepupitre/db-ops';
import { replayWithFaults, type FaultReplay, type FaultWorld } from '@lepupitre/testing';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import type { ProfileSession } from '../../src/commands/command-context';

/**
 * A command's unit of writes replayed with a fault at each of its steps, each time on a fresh
 * copy of one profile folder (`seed` writes what the unit needs into it first). Every replay
 * must end with the injected fault reaching the caller and the folder exactly as it was: no row
 * and no file of a half-done unit. Answers the replays, for the caller's own checks.
 */
export function expectUnitLeavesNothing<T>(
  workDir: string,
  seed: (db: DatabaseHandle) => T,
  unit: (session: ProfileSession, seeded: T) => unknown,
): FaultReplay[] {
  const template = join(workDir, 'template');
  const seededDb = openGuardedDatabase(join(template, 'profile.db'), 'profile').db;
  let seeded: T;
  try {
    seeded = seed(seededDb);
  } finally {
    seededDb.close();
  }
  let copies = 0;
  const replays = replayWithFaults<FaultWorld>({
    setup: () => {
      const folder = join(workDir, `replay-${copies++}`);
      cpSync(template, folder, { recursive: true });
      const databasePath = join(folder, 'profile.db');
      return { db: openGuardedDatabase(databasePath, 'profile').db, databasePath, folder };
    },
    flow: (w) => unit({ id: 'prof_replay', db: w.db, dir: w.folder }, seeded),
  });
  expect(new Set(replays.map((r) => r.event.kind))).toEqual(new Set(['file', 'statement', 'commit']));
  for (const replay of replays) {
    const reached = replay.event.kind === 'file' ? (replay.error as { cause?: unknown }).cause : replay.error;
    expect(reached).toMatchObject({ code: 'DB_INJECTED_FAULT' });
    expect(replay.after).toEqual(replay.before);
  }
  return replays;
}
