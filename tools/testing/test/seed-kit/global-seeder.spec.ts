import { globalSeeder, SEED_EPOCH } from '@lepupitre/fixtures';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migratedDatabase } from './migrated-database';

describe('global seeding kit', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'lepupitre-seed-global-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes profiles with numbered names and settings, exactly as it returns them', () => {
    const path = migratedDatabase(dir, 'global');
    const kit = globalSeeder(path);
    const first = kit.newProfile();
    const second = kit.newProfile({ is_active: 1, last_opened_at: '2026-02-01T00:00:00+00:00' });
    const setting = kit.newSetting({ key: 'theme', value_json: '"dark"' });
    kit.close();
    expect(first).toEqual({ id: expect.stringMatching(/^prof_[0-9a-f]{32}$/), name: 'Profile 1', created_at: SEED_EPOCH, last_opened_at: null, is_active: 0 });
    expect(second).toMatchObject({ name: 'Profile 2', is_active: 1, last_opened_at: '2026-02-01T00:00:00+00:00' });
    const raw = new Database(path, { readonly: true });
    try {
      expect(raw.prepare('SELECT * FROM profiles ORDER BY created_at').all()).toEqual([first, second]);
      expect(raw.prepare('SELECT * FROM global_settings').all()).toEqual([setting]);
    } finally {
      raw.close();
    }
  });

  it('refuses a second profile of the same name, as the schema does', () => {
    const kit = globalSeeder(migratedDatabase(dir, 'global'));
    try {
      kit.newProfile({ name: 'Ada' });
      expect(() => kit.newProfile({ name: 'Ada' })).toThrow(/UNIQUE/);
    } finally {
      kit.close();
    }
  });
});
