import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { diagnoseDatabase, openGuardedDatabase } from '../../src';
import { RESTORE_JOURNAL_SUFFIX } from '../../src/backups/interrupted-restore';
import { RECOVERY_JOURNAL_SUFFIX } from '../../src/recovery/quarantine';
import { useTempDir } from '@lepupitre/fixtures';

const EMPTY_JOURNAL = JSON.stringify({ version: 1, direction: 'forward', moves: [], places: [], cleanup: [] });

describe('doctor and an interrupted restore or recovery', () => {
  const dir = useTempDir();
  const path = (): string => join(dir(), 'profile.db');

  it.each([
    ['restore', RESTORE_JOURNAL_SUFFIX, 'DB_RESTORE_INTERRUPTED'],
    ['recovery', RECOVERY_JOURNAL_SUFFIX, 'DB_RECOVERY_INTERRUPTED'],
  ])('a %s journal left beside the database is a problem until the next open finishes it', (_what, suffix, code) => {
    openGuardedDatabase(path(), 'profile').db.close();
    writeFileSync(`${path()}${suffix}`, EMPTY_JOURNAL);

    const before = diagnoseDatabase(path(), 'profile', { integrity: 'quick' });
    expect(before.problems.map((p) => p.code)).toEqual([code]);
    expect(before.problems[0]?.message).toMatch(/next open/);
    expect(existsSync(`${path()}${suffix}`)).toBe(true);

    openGuardedDatabase(path(), 'profile').db.close();
    expect(existsSync(`${path()}${suffix}`)).toBe(false);
    expect(diagnoseDatabase(path(), 'profile', { integrity: 'quick' }).problems).toEqual([]);
  });
});
