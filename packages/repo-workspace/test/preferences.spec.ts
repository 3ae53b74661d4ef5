import { openDatabase, type DatabaseHandle } from '@lepupitre/db-core';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  createProfile,
  deleteProfile,
  ensureProfileExists,
  getGlobalPreference,
  getProfilePreference,
  normalizePreferenceKey,
  profileDatabasePath,
  readProfilePreference,
  setGlobalPreference,
  setProfilePreference,
  writeProfilePreference,
} from '../src';
import { tickingClock } from './support/clock';
import { codeChain, codeOf, errorOf } from './support/errors';
import { openGlobalDatabase } from './support/global-database';
import { useTempDir } from './support/temp-dir';
import { TEST_SAFEGUARDS } from '@lepupitre/testing';

const UNKNOWN_PROFILE = 'prof_00000000000000000000000000000000';

describe('preference keys', () => {
  it.each([
    ['lepupitre_theme', 'lepupitre_theme'],
    ['  lepupitre_theme ', 'lepupitre_theme'],
    ['\tlepupitre.training.heroQuest.prof_1\n', 'lepupitre.training.heroQuest.prof_1'],
    ['\u0085\u00A0\u3000voice_memos\u2028', 'voice_memos'],
    ['a:b-c.D_9', 'a:b-c.D_9'],
    ['x'.repeat(160), 'x'.repeat(160)],
  ])('accepts %j as %j (trimmed of Unicode White_Space, case kept) (docs/compatibility.md#workspace-10)', (key, stored) => {
    expect(normalizePreferenceKey(key)).toBe(stored);
  });

  it.each([[''], ['   '], ['x'.repeat(161)], ['has space'], ['slash/key'], ['é'], ['key\u0000'], ['\uFEFFlepupitre_theme'], ['lepupitre_theme\uFEFF']])(
    'refuses %j with preference_key_invalid',
    (key) => {
      expect(codeOf(() => normalizePreferenceKey(key))).toBe('preference_key_invalid');
    },
  );

  it.each([
    ['lepupitre.api_token'],
    ['lepupitre:client-secret'],
    ['lepupitre.private-key'],
    ['x.API-KEY'],
    ['tokens_seen'],
    ['my.apikey'],
    ['Password'],
    ['aws:Credentials'],
    ['api.key'],
    ['private:key'],
  ])('refuses the sensitive key %j with preference_key_sensitive_forbidden (the previous seven fragments, docs/compatibility.md#workspace-11)', (key) => {
    expect(codeOf(() => normalizePreferenceKey(key))).toBe('preference_key_sensitive_forbidden');
  });

  it('reports an invalid key before a sensitive one', () => {
    expect(codeOf(() => normalizePreferenceKey('my token'))).toBe('preference_key_invalid');
    expect(codeOf(() => normalizePreferenceKey(`${'t'.repeat(157)}oken`))).toBe('preference_key_invalid');
    expect(codeOf(() => normalizePreferenceKey(`${'t'.repeat(156)}oken`))).toBe('preference_key_sensitive_forbidden');
  });

  it.each([['lepupitre_tok.en'], ['pass-word'], ['secre_t'], ['api_kee']])(
    'accepts %j: the fragments are matched after folding separators, not loosely',
    (key) => {
      expect(normalizePreferenceKey(key)).toBe(key);
    },
  );

  it.each([
    ...['privatekey', 'Private-Key', 'ssh.privateKey', 'PRIVATEKEY'],
    ...['passwd', 'smtp.passwd', 'userPasswd', 'PASSWD'],
    ...['pwd', 'lepupitre.pwd', 'pwdHash', 'PWD', 'pwd2', 'db-pwds'],
    ...['passphrase', 'gpg-passphrase', 'PassPhrase', 'pass_phrase'],
    ...['access_key', 'accessKey', 'AccessKey', 'access-key', 'access.key', 'aws:ACCESSKEY', 'accessKeys'],
    ...['authorization', 'http.Authorization', 'authorizationHeader', 'AUTHORIZATION'],
    ...['bearer', 'Bearer', 'auth.bearer_value'],
    ...['cookie', 'cookies', 'sessionCookie', 'COOKIE'],
    ...['session_id', 'session.id', 'sessionId', 'SessionID', 'sessionid', 'session-ids'],
    ...['jwt', 'JWT', 'jwt.value', 'myJwt', 'oauth:jwts'],
  ])('refuses %j with preference_key_sensitive_forbidden (fragments added to the previous seven)', (key) => {
    expect(codeOf(() => normalizePreferenceKey(key))).toBe('preference_key_sensitive_forbidden');
  });

  it.each([
    ['theme'],
    ['locale'],
    ['keyboard_layout'],
    ['ui.accessKeyboard'],
    ['session_idle_timeout'],
    ['sessionIdleMinutes'],
    ['pwdx'],
    ['pass-wd'],
    ['cookbook.view'],
  ])('accepts %j: an added fragment is found only as whole words', (key) => {
    expect(normalizePreferenceKey(key)).toBe(key);
  });
});

describe('global preferences', () => {
  const dir = useTempDir();
  let db: DatabaseHandle;
  beforeEach(() => {
    db = openGlobalDatabase(dir());
  });
  afterEach(() => db.close());

  it('returns null for a key never set', () => {
    expect(getGlobalPreference(db, 'lepupitre_theme')).toBeNull();
  });

  it('stores values verbatim, JSON or not, and overwrites on a second set (docs/compatibility.md#workspace-8)', () => {
    setGlobalPreference(db, 'lepupitre_theme', 'terminal');
    setGlobalPreference(db, 'lepupitre_ui_settings_v1', '{"density":"compact", "x":[1,2]}');
    setGlobalPreference(db, 'lepupitre_locale', 'fr');
    setGlobalPreference(db, 'lepupitre_locale', 'en');
    expect(getGlobalPreference(db, 'lepupitre_theme')).toBe('terminal');
    expect(getGlobalPreference(db, 'lepupitre_ui_settings_v1')).toBe('{"density":"compact", "x":[1,2]}');
    expect(getGlobalPreference(db, 'lepupitre_locale')).toBe('en');
  });

  it('keeps the empty string as a value, distinct from a deletion', () => {
    setGlobalPreference(db, 'lepupitre_theme', '');
    expect(getGlobalPreference(db, 'lepupitre_theme')).toBe('');
  });

  it('deletes on null or an absent value, silently when the key is absent', () => {
    setGlobalPreference(db, 'a', '1');
    setGlobalPreference(db, 'b', '2');
    setGlobalPreference(db, 'a', null);
    setGlobalPreference(db, 'b');
    setGlobalPreference(db, 'never_set', null);
    expect(getGlobalPreference(db, 'a')).toBeNull();
    expect(getGlobalPreference(db, 'b')).toBeNull();
  });

  it('addresses the trimmed key, case-sensitively', () => {
    setGlobalPreference(db, '  lepupitre_theme ', 'dark');
    setGlobalPreference(db, 'Lepupitre_Theme', 'light');
    expect(getGlobalPreference(db, 'lepupitre_theme')).toBe('dark');
    expect(getGlobalPreference(db, 'Lepupitre_Theme ')).toBe('light');
  });

  it('measures the size limit in UTF-8 bytes (docs/compatibility.md#workspace-9)', () => {
    setGlobalPreference(db, 'ascii', 'a'.repeat(32_768));
    setGlobalPreference(db, 'two_bytes', 'é'.repeat(16_384));
    expect(getGlobalPreference(db, 'ascii')).toHaveLength(32_768);
    expect(getGlobalPreference(db, 'two_bytes')).toBe('é'.repeat(16_384));
    expect(codeOf(() => setGlobalPreference(db, 'ascii', 'a'.repeat(32_769)))).toBe('preference_value_too_large');
    // 10,923 UTF-16 units pass the UI's limit, yet they are 32,769 bytes.
    expect(codeOf(() => setGlobalPreference(db, 'euro', '€'.repeat(10_923)))).toBe('preference_value_too_large');
    expect(codeOf(() => setGlobalPreference(db, 'emoji', '😀'.repeat(8_193)))).toBe('preference_value_too_large');
    expect(getGlobalPreference(db, 'ascii')).toHaveLength(32_768);
    expect(getGlobalPreference(db, 'euro')).toBeNull();
  });

  it('checks the key before the value, and both before the database', () => {
    db.close();
    expect(codeOf(() => setGlobalPreference(db, 'bad key', 'x'.repeat(40_000)))).toBe('preference_key_invalid');
    expect(codeOf(() => setGlobalPreference(db, 'api_token', 'x'.repeat(40_000)))).toBe('preference_key_sensitive_forbidden');
    expect(codeOf(() => setGlobalPreference(db, 'ok', 'x'.repeat(40_000)))).toBe('preference_value_too_large');
    expect(codeOf(() => getGlobalPreference(db, 'secret'))).toBe('preference_key_sensitive_forbidden');
  });

  it("lets database failures leave as db-core's DbError, unchanged", () => {
    db.close();
    expect(codeChain(errorOf(() => getGlobalPreference(db, 'k')))).toEqual(['DB_CLOSED']);
    expect(codeChain(errorOf(() => setGlobalPreference(db, 'k', 'v')))).toEqual(['DB_CLOSED']);
    expect(codeChain(errorOf(() => setGlobalPreference(db, 'k', null)))).toEqual(['DB_CLOSED']);
  });
});

describe('profile preferences', () => {
  const dir = useTempDir();
  let db: DatabaseHandle;
  let alice: string;
  let bob: string;
  beforeEach(() => {
    db = openGlobalDatabase(dir());
    const now = tickingClock();
    alice = createProfile(db, dir(), 'Alice', { now });
    bob = createProfile(db, dir(), 'Bob', { now });
  });
  afterEach(() => db.close());

  it('keeps each profile to its own database, apart from the global scope', () => {
    setProfilePreference(db, dir(), alice, `lepupitre.training.heroQuest.${alice}`, '{"code":"A01"}');
    setProfilePreference(db, dir(), bob, 'voice_memos', '[]');
    setGlobalPreference(db, 'voice_memos', 'global');
    expect(getProfilePreference(db, dir(), alice, `lepupitre.training.heroQuest.${alice}`)).toBe('{"code":"A01"}');
    expect(getProfilePreference(db, dir(), alice, 'voice_memos')).toBeNull();
    expect(getProfilePreference(db, dir(), bob, 'voice_memos')).toBe('[]');
    expect(getGlobalPreference(db, 'voice_memos')).toBe('global');
  });

  it('deletes on null, keeps the empty string, and addresses the trimmed key', () => {
    setProfilePreference(db, dir(), alice, ' voice_memos ', '');
    expect(getProfilePreference(db, dir(), alice, 'voice_memos')).toBe('');
    setProfilePreference(db, dir(), alice, 'voice_memos', null);
    expect(getProfilePreference(db, dir(), alice, 'voice_memos')).toBeNull();
    setProfilePreference(db, dir(), alice, 'voice_memos');
  });

  it('refuses an unknown profile with profile_not_found, after the key and value checks', () => {
    expect(codeOf(() => getProfilePreference(db, dir(), UNKNOWN_PROFILE, 'voice_memos'))).toBe('profile_not_found');
    expect(codeOf(() => setProfilePreference(db, dir(), UNKNOWN_PROFILE, 'voice_memos', 'x'))).toBe('profile_not_found');
    expect(codeOf(() => setProfilePreference(db, dir(), UNKNOWN_PROFILE, 'bad key', 'x'))).toBe('preference_key_invalid');
    expect(codeOf(() => setProfilePreference(db, dir(), UNKNOWN_PROFILE, 'my_password', 'x'))).toBe('preference_key_sensitive_forbidden');
    expect(codeOf(() => setProfilePreference(db, dir(), UNKNOWN_PROFILE, 'ok', 'x'.repeat(32_769)))).toBe('preference_value_too_large');
    expect(existsSync(join(dir(), 'profiles', UNKNOWN_PROFILE))).toBe(false);
  });

  it('creates and migrates the database of an existing profile that has none, as any profile open does', () => {
    rmSync(join(dir(), 'profiles', alice), { recursive: true });
    expect(getProfilePreference(db, dir(), alice, 'voice_memos')).toBeNull();
    expect(existsSync(profileDatabasePath(dir(), alice))).toBe(true);
  });

  it('loses a profile\'s preferences with the profile, never the global ones', () => {
    setProfilePreference(db, dir(), alice, 'voice_memos', '[1]');
    setGlobalPreference(db, 'lepupitre_theme', 'dark');
    deleteProfile(db, dir(), alice);
    expect(codeOf(() => getProfilePreference(db, dir(), alice, 'voice_memos'))).toBe('profile_not_found');
    expect(getGlobalPreference(db, 'lepupitre_theme')).toBe('dark');
  });

  it('works on a profile database the caller holds open', () => {
    ensureProfileExists(db, alice);
    const profileDb = openDatabase(profileDatabasePath(dir(), alice), 'profile', { safeguards: TEST_SAFEGUARDS }).db;
    try {
      writeProfilePreference(profileDb, ' lepupitre.feedback.reviewed.x ', '["fb_1"]');
      expect(readProfilePreference(profileDb, 'lepupitre.feedback.reviewed.x')).toBe('["fb_1"]');
      expect(codeOf(() => writeProfilePreference(profileDb, 'session_token', 'x'))).toBe('preference_key_sensitive_forbidden');
      expect(codeOf(() => writeProfilePreference(profileDb, 'k', 'é'.repeat(16_385)))).toBe('preference_value_too_large');
      writeProfilePreference(profileDb, 'lepupitre.feedback.reviewed.x', null);
      expect(readProfilePreference(profileDb, 'lepupitre.feedback.reviewed.x')).toBeNull();
    } finally {
      profileDb.close();
    }
    expect(getProfilePreference(db, dir(), alice, 'lepupitre.feedback.reviewed.x')).toBeNull();
  });

  it("lets profile database failures leave as db-core's DbError, unchanged", () => {
    const profileDb = openDatabase(profileDatabasePath(dir(), alice), 'profile', { safeguards: TEST_SAFEGUARDS }).db;
    profileDb.close();
    expect(codeChain(errorOf(() => readProfilePreference(profileDb, 'k')))).toEqual(['DB_CLOSED']);
    expect(codeChain(errorOf(() => writeProfilePreference(profileDb, 'k', 'v')))).toEqual(['DB_CLOSED']);
    expect(codeChain(errorOf(() => writeProfilePreference(profileDb, 'k')))).toEqual(['DB_CLOSED']);
  });

  it("ensureProfileExists: passes for a known profile, profile_not_found or db-core's DbError otherwise", () => {
    expect(() => ensureProfileExists(db, alice)).not.toThrow();
    expect(codeOf(() => ensureProfileExists(db, UNKNOWN_PROFILE))).toBe('profile_not_found');
    db.close();
    expect(codeChain(errorOf(() => ensureProfileExists(db, alice)))).toEqual(['DB_CLOSED']);
  });
});
