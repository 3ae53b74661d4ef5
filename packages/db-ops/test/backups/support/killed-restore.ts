import { useChildScript } from '@lepupitre/fixtures';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { backupDatabaseFile, openGuardedDatabase } from '../../../src';
import { RESTORE_JOURNAL_SUFFIX } from '../../../src/backups/interrupted-restore';
import { addTalks, createProfile } from './backup-fixtures';
import { profileState, storeArtifact, type ProfileState } from './artifact-world';

/**
 * A profile backed up with three artifacts, then changed: a talk and an artifact added, one
 * file lost, one file overwritten with other bytes. Returns the backup's name and the state
 * the backup holds.
 */
export async function backedUpThenDamaged(profileDir: string): Promise<{ backup: string; backedUp: ProfileState; lost: string; damaged: string; added: string }> {
  const path = join(profileDir, 'profile.db');
  createProfile(path, 2);
  const lost = storeArtifact(path, 'audio', 'the first recording');
  const damaged = storeArtifact(path, 'transcript', '{"the":"transcript"}');
  storeArtifact(path, 'feedback', '{"kept":"as it is"}');
  const backedUp = profileState(path);
  const { file } = await backupDatabaseFile(path, 'profile', { now: () => new Date('2026-11-24T00:00:00Z') });
  addTalks(path, 2, 1);
  const added = storeArtifact(path, 'audio', 'a newer recording');
  rmSync(join(profileDir, lost));
  writeFileSync(join(profileDir, damaged), '{"the":"WRONG_BYTES"}');
  return { backup: file, backedUp, lost, damaged, added };
}

export type KilledOutcome = 'old' | 'new' | 'MIXED' | 'JOURNAL_LEFT' | 'NOT_KILLED';

export interface KilledRestoreWorld {
  /** Steps a restore of this world reports, counted by a run to the end. */
  readonly steps: number;
  /** Copies the world, restores in a child killed at step k, opens the database, tells which state is there. */
  killAt(k: number): KilledOutcome;
}

/**
 * The world of the restore crash drills: `backedUpThenDamaged` built once per test in the
 * given folder, a dry run to count the steps, then any number of copies killed at a step.
 */
export function useKilledRestoreWorld(dir: () => string): () => KilledRestoreWorld {
  const restoreChild = useChildScript(join(__dirname, 'restore-child.ts'));
  let world: KilledRestoreWorld;
  beforeEach(async () => {
    const template = join(dir(), 'template');
    const { backup, backedUp: after } = await backedUpThenDamaged(template);
    const before = profileState(join(template, 'profile.db'));
    const run = (k: number): { copy: string; signal: NodeJS.Signals | null; stdout: string } => {
      const copy = join(dir(), `kill-${k}`);
      cpSync(template, copy, { recursive: true });
      const child = spawnSync(process.execPath, [restoreChild(), join(copy, 'profile.db'), backup, String(k)], { encoding: 'utf8', timeout: 60_000 });
      return { copy, signal: child.signal, stdout: child.stdout };
    };
    const dry = run(0);
    if (JSON.stringify(profileState(join(dry.copy, 'profile.db'))) !== JSON.stringify(after)) throw new Error('the restore run to its end did not restore the backup');
    rmSync(dry.copy, { recursive: true });
    world = {
      steps: Number(dry.stdout.trim()),
      killAt(k: number): KilledOutcome {
        const { copy, signal } = run(k);
        try {
          if (signal !== 'SIGKILL') return 'NOT_KILLED';
          openGuardedDatabase(join(copy, 'profile.db'), 'profile').db.close();
          if (existsSync(join(copy, `profile.db${RESTORE_JOURNAL_SUFFIX}`))) return 'JOURNAL_LEFT';
          const state = JSON.stringify(profileState(join(copy, 'profile.db')));
          return state === JSON.stringify(before) ? 'old' : state === JSON.stringify(after) ? 'new' : 'MIXED';
        } finally {
          rmSync(copy, { recursive: true });
        }
      },
    };
  });
  return () => world;
}
