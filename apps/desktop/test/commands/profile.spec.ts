import { CommandWorld } from '../support/command-world';

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
    expect(await world.fail('profile_create', { name: 'Ada' })).toEqual({ code: 'profile_name_exists', message: expect.any(String) });
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
});
