import { CommandWorld } from '../support/command-world';

describe('preference commands', () => {
  let world: CommandWorld;
  beforeEach(() => {
    world = new CommandWorld();
  });
  afterEach(async () => {
    await world.close();
  });

  it('stores, reads and deletes global and profile values verbatim', async () => {
    const profileId = await world.createProfile();
    expect(await world.ok('preference_global_get', { key: 'ui.theme' })).toBeNull();
    expect(await world.ok('preference_global_set', { key: 'ui.theme', value: '"dark"' })).toBeNull();
    expect(await world.ok('preference_global_get', { key: '  ui.theme ' })).toBe('"dark"');
    expect(await world.ok('preference_global_set', { key: 'ui.theme', value: null })).toBeNull();
    expect(await world.ok('preference_global_get', { key: 'ui.theme' })).toBeNull();

    expect(await world.ok('preference_profile_set', { profileId, key: 'coach.mode', value: '' })).toBeNull();
    expect(await world.ok('preference_profile_get', { profileId, key: 'coach.mode' })).toBe('');
    expect(await world.ok('preference_profile_set', { profileId, key: 'coach.mode' })).toBeNull();
    expect(await world.ok('preference_profile_get', { profileId, key: 'coach.mode' })).toBeNull();
  });

  it('keeps the key and value codes, checked before the profile, and writes nothing', async () => {
    const profileId = await world.createProfile();
    const before = world.snapshot();
    expect(await world.fail('preference_global_set', { key: 'has space', value: 'x' })).toMatchObject({ code: 'preference_key_invalid' });
    expect(await world.fail('preference_global_set', { key: 'sync.apiKey', value: 'x' })).toMatchObject({ code: 'preference_key_sensitive_forbidden' });
    expect(await world.fail('preference_profile_set', { profileId, key: 'big', value: 'é'.repeat(16_385) })).toMatchObject({
      code: 'preference_value_too_large',
    });
    // Key rules come before the profile lookup, as in the previous app.
    expect(await world.fail('preference_profile_get', { profileId: 'prof_missing', key: 'bad key' })).toMatchObject({ code: 'preference_key_invalid' });
    expect(await world.fail('preference_profile_set', { profileId: 'prof_missing', key: 'ok.key', value: '1' })).toMatchObject({ code: 'profile_not_found' });
    expect(world.snapshot()).toEqual(before);
  });

  const sensitiveKeys = [
    ...['privatekey', 'Private-Key', 'passwd', 'pwd', 'passphrase'],
    ...['access_key', 'accessKey', 'authorization', 'bearer', 'cookie'],
    ...['session_id', 'session.id', 'jwt'],
  ];

  it.each(sensitiveKeys)('refuses the key %j in every preference command with preference_key_sensitive_forbidden', async (key) => {
    const profileId = await world.createProfile();
    const before = world.snapshot();
    for (const [name, payload] of [
      ['preference_global_set', { key, value: 'x' }],
      ['preference_global_get', { key }],
      ['preference_profile_set', { profileId, key, value: 'x' }],
      ['preference_profile_get', { profileId, key }],
    ] as const) {
      expect(await world.fail(name, payload)).toMatchObject({ code: 'preference_key_sensitive_forbidden' });
    }
    expect(world.snapshot()).toEqual(before);
  });

  it('still stores harmless keys in both scopes', async () => {
    const profileId = await world.createProfile();
    for (const key of ['theme', 'locale', 'keyboard_layout', 'session_idle_timeout']) {
      expect(await world.ok('preference_global_set', { key, value: key })).toBeNull();
      expect(await world.ok('preference_global_get', { key })).toBe(key);
      expect(await world.ok('preference_profile_set', { profileId, key, value: key })).toBeNull();
      expect(await world.ok('preference_profile_get', { profileId, key })).toBe(key);
    }
  });

  it.each([
    ['preference_global_get', {}, 'key'],
    ['preference_global_get', { key: 3 }, 'key'],
    ['preference_global_set', { key: 'a', value: 5 }, 'value'],
    ['preference_profile_get', { key: 'a' }, 'profileId'],
    ['preference_profile_get', { profileId: '', key: 'a' }, 'profileId'],
    ['preference_profile_set', { profileId: 'p', key: 'a', value: ['x'] }, 'value'],
    ['preference_profile_set', 'not an object', '(payload)'],
  ])('%s refuses %j naming %s', async (name, payload, field) => {
    const error = await world.fail(name, payload);
    expect(error.code).toBe('IPC_INVALID_PAYLOAD');
    expect(error.message).toContain(`${field}:`);
  });
});
