import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { restoreBackup } from '../../src';
import { useTempDir, useTemplateFolder } from '@lepupitre/fixtures';
import { profileState } from './support/artifact-world';
import { backedUpThenDamaged, useKilledRestoreWorld } from './support/killed-restore';

describe('restoring a profile backup brings its artifact files back', () => {
  const dir = useTempDir();
  const profileDir = (): string => join(dir(), 'profile');
  const path = (): string => join(profileDir(), 'profile.db');
  // Built once (three stored artifacts, a verified backup, then changes), copied per test.
  const damagedSinceBackup = useTemplateFolder((template) => backedUpThenDamaged(template));

  it('after the whole artifacts folder is lost, every referenced file comes back byte for byte', () => {
    const { backup, backedUp } = damagedSinceBackup.copyTo(profileDir());
    rmSync(join(profileDir(), 'artifacts'), { recursive: true });

    const result = restoreBackup(path(), 'profile', backup);
    result.db.close();

    expect(profileState(path())).toEqual(backedUp);
    expect(result.artifacts).toEqual({ restored: 3, kept: 0, setAside: 0, unrestorable: [] });
  });

  it('keeps matching files, replaces lost and damaged ones, and moves newer files to replaced/', () => {
    const { backup, backedUp, damaged, added } = damagedSinceBackup.copyTo(profileDir());

    const result = restoreBackup(path(), 'profile', backup, { now: () => new Date('2026-11-25T08:09:10Z') });
    result.db.close();

    expect(profileState(path())).toEqual(backedUp);
    expect(result.artifacts).toEqual({ restored: 2, kept: 1, setAside: 1, unrestorable: [] });
    const replaced = join(profileDir(), 'replaced', 'profile-replaced-20261125T080910Z.artifacts');
    expect(readFileSync(join(replaced, damaged), 'utf8')).toBe('{"the":"WRONG_BYTES"}');
    expect(readFileSync(join(replaced, added), 'utf8')).toBe('a newer recording');
    expect(readdirSync(profileDir()).filter((name) => name.includes('restore'))).toEqual([]);
  });

  it('names the artifacts the backup cannot bring back, and restores the rest', () => {
    const { backup, lost } = damagedSinceBackup.copyTo(profileDir());
    rmSync(join(profileDir(), 'backups', `${backup}.artifacts`, lost));

    const result = restoreBackup(path(), 'profile', backup);
    result.db.close();

    const lostId = lost.split('/').at(-1)?.replace('.bin', '');
    expect(result.artifacts?.unrestorable).toEqual([lostId]);
    expect(result.artifacts?.restored).toBe(1);
    expect(existsSync(join(profileDir(), lost))).toBe(false);
  });

  describe('a process killed during a restore', () => {
    const world = useKilledRestoreWorld(dir);

    // Every step is killed by the restore drill (`npm run drills`); here one in each phase:
    // before the decision, while originals move aside, while files are placed, at the end.
    it('leaves, once the database is next opened, either the old profile or the restored one, never a mix', () => {
      const { steps } = world();
      const chosen = [...new Set([1, Math.ceil(steps / 2), steps - 1, steps])];
      const outcomes = chosen.map((k) => ({ k, outcome: world().killAt(k) }));
      for (const entry of outcomes) expect(entry).toEqual({ k: entry.k, outcome: expect.stringMatching(/^(old|new)$/) });
      expect(outcomes[0]?.outcome).toBe('old');
      expect(outcomes.at(-1)?.outcome).toBe('new');
    });
  });
});
