import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { openWithRecovery, recoverDatabase, type RecoveryStep } from '../../src';
import { RECOVERY_JOURNAL_SUFFIX } from '../../src/recovery/quarantine';
import { useChildScript, useTempDir, useTemplateFolder } from '@lepupitre/fixtures';
import { buildProfile, keysByTable, overwritePage, pageOf, seeded, sha256 } from './corruption-fixtures';

const SMALL = { talks: 4, runsPerTalk: 6, attemptsPerTalk: 2, metadataBytes: 200 };

/**
 * Recovery's swap (the damaged files into `corrupted/`, the rebuilt file into place) killed at
 * each of its points: the next open by the app finds one state, never the damaged file without
 * its -wal or an empty name, and the damaged original is kept exactly once.
 */
describe('a process killed while recovery swaps files', () => {
  const dir = useTempDir();
  const recoverChild = useChildScript(join(__dirname, 'support', 'recover-child.ts'));

  // The damaged profile: built once, copied for each test's reference run and killed run.
  const damagedProfile = useTemplateFolder((template) => {
    const path = join(template, 'profile.db');
    buildProfile(path, SMALL);
    overwritePage(path, pageOf(path, 'runs', 'leaf', true), seeded(7));
    return { damagedSha: sha256(path) };
  });

  it.each<RecoveryStep>(['quarantine', 'place', 'report'])('killed before "%s": the next open leaves a whole database and the original in corrupted/', (step) => {
    const reference = join(dir(), 'reference', 'profile.db');
    const { damagedSha } = damagedProfile.copyTo(join(reference, '..'));
    recoverDatabase(reference, 'profile');
    const expected = keysByTable(reference);

    const path = join(dir(), 'killed', 'profile.db');
    damagedProfile.copyTo(join(path, '..'));
    const run = spawnSync(process.execPath, [recoverChild(), path, step], { encoding: 'utf8', timeout: 60_000 });
    expect(run.signal).toBe('SIGKILL');

    const opened = openWithRecovery(path, 'profile', { integrityCheck: 'always' });
    opened.db.close();
    // Killed before anything moved: the open recovers again; after the decision: it finishes the swap.
    expect(opened.recovery === null).toBe(step !== 'quarantine');
    expect(existsSync(`${path}${RECOVERY_JOURNAL_SUFFIX}`)).toBe(false);
    const db = new Database(path, { readonly: true });
    try {
      expect(db.prepare('PRAGMA integrity_check').pluck().all()).toEqual(['ok']);
    } finally {
      db.close();
    }
    expect(keysByTable(path)).toEqual(expected);
    const quarantined = readdirSync(join(path, '..', 'corrupted')).filter((name) => name.endsWith('.db'));
    expect(quarantined).toHaveLength(1);
    expect(sha256(join(path, '..', 'corrupted', quarantined[0] as string))).toBe(damagedSha);
  });
});
