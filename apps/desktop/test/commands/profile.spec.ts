import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandWorld } from '../support/command-world';
import { refusal } from '../support/expectations';

describe('profile commands', () => {
  let world: CommandWorld;
  beforeEach(() => {
    world = new CommandWorld();
  });
  afterEach(async () => {
    await world.close();
  });

  it('creates, lists, switches, renames and deletes profiles with the previous wire shapes', async () => {
    const first = await world.ok<string>('profile_create', { name: 'Ada' });
    const second = await world.ok<string>('profile_create', { name: 'Grace' });
    expect(first).toMatch(/^prof_[0-9a-f]{32}$/);
    let list = await world.ok<Record<string, unknown>[]>('profile_list', {});
    expect(list.map((p) => [p['name'], p['is_active']])).toEqual([
      ['Ada', false],
      ['Grace', true],
    ]);
    expect(Object.keys(list[0] ?? {}).sort()).toEqual(['created_at', 'id', 'is_active', 'last_opened_at', 'name', 'size_bytes', 'talks_count']);
    expect(await world.ok('profile_switch', { profileId: first })).toBeNull();
    expect(await world.ok('profile_rename', { profileId: second, name: 'Hopper' })).toBeNull();
    expect(await world.ok('profile_delete', { profileId: first })).toBeNull();
    list = await world.ok<Record<string, unknown>[]>('profile_list');
    expect(list.map((p) => [p['name'], p['is_active']])).toEqual([['Hopper', true]]);
  });

  it('keeps the domain codes and names the offending field of a bad payload', async () => {
    await world.ok('profile_create', { name: 'Ada' });
    expect(await world.fail('profile_create', { name: 'Ada' })).toEqual(refusal('profile_name_exists'));
    expect(await world.fail('profile_switch', { profileId: 'prof_missing' })).toMatchObject({ code: 'profile_not_found' });
    const invalid = await world.fail('profile_rename', { profileId: 'x', name: 'y'.repeat(81) });
    expect(invalid.code).toBe('IPC_INVALID_PAYLOAD');
    expect(invalid.message).toContain('name');
    expect(await world.fail('profile_delete', {})).toMatchObject({ code: 'IPC_INVALID_PAYLOAD', message: expect.stringContaining('profileId') });
  });

  it('reports diagnostics in camelCase with exactly the previous keys', async () => {
    const id = await world.createProfile();
    const diagnostics = await world.ok<{ global: Record<string, unknown>; profile: Record<string, unknown> }>('profile_db_diagnostics', { profileId: id });
    expect(Object.keys(diagnostics.profile).sort()).toEqual([
      'appliedMigrationCount',
      'continuityError',
      'continuityOk',
      'expectedMigrationCount',
      'foreignKeyViolations',
      'integrityCheck',
      'latestMigration',
      'schemaVersion',
      'scope',
    ]);
    expect(diagnostics.global).toMatchObject({ scope: 'global', continuityOk: true, integrityCheck: 'ok' });
    expect(JSON.stringify(diagnostics)).not.toMatch(/backup|corrupt|token|secret|password|\//i);
  });

  it('opens and migrates the global database before reporting on it, also as the first command of a host', async () => {
    const diagnostics = await world.ok<{ global: Record<string, unknown>; profile: null }>('profile_db_diagnostics', {});
    expect(diagnostics.profile).toBeNull();
    expect(diagnostics.global).toMatchObject({ scope: 'global', continuityOk: true, integrityCheck: 'ok', schemaVersion: expect.any(String) });
    expect(diagnostics.global['appliedMigrationCount']).toBe(diagnostics.global['expectedMigrationCount']);
  });

  it('lists a data folder whose previous app stored an empty profile name, which the UI could not list', async () => {
    const fresh = mkdtempSync(join(tmpdir(), 'lepupitre-blank-name-'));
    const raw = new Database(join(fresh, 'global.db'));
    raw.exec(`
      CREATE TABLE profiles (id TEXT PRIMARY KEY, name TEXT NOT NULL, created_at TEXT NOT NULL, last_opened_at TEXT, is_active INTEGER NOT NULL DEFAULT 0);
      CREATE TABLE global_settings (key TEXT PRIMARY KEY, value_json TEXT NOT NULL);
      INSERT INTO profiles VALUES ('prof_blank', '', '2026-02-23T10:00:00+00:00', NULL, 1);`);
    raw.close();
    const legacy = new CommandWorld(fresh);
    try {
      const list = await legacy.ok<{ id: string; name: string }[]>('profile_list');
      expect(list.map((p) => [p.id, p.name])).toEqual([['prof_blank', 'Unnamed profile']]);
    } finally {
      await legacy.close();
    }
  });
});
