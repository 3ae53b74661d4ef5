/**
 * Repository functions of the workspace context: profiles (global database plus the profile
 * folders), global and profile preferences, and the coach read models. They execute the queries
 * of `queries.ts`, map rows to domain types, check affected rows and raise typed domain errors.
 * No SQL text here.
 */
export { listProfiles } from './profile-list';
export { createProfile } from './profile-create';
export { switchProfile } from './profile-switch';
export { renameProfile } from './profile-rename';
export { deleteProfile } from './profile-delete';
export { ensureProfileExists } from './profile-existence';
export { withProfileDatabase } from './profile-database';
export { DELETED_PROFILES_FOLDER, profileDatabasePath } from './profile-paths';
export {
  getGlobalPreference,
  setGlobalPreference,
  getProfilePreference,
  setProfilePreference,
  readProfilePreference,
  writeProfilePreference,
} from './preferences';
export {
  normalizePreferenceKey,
  assertPreferenceValue,
  PREFERENCE_KEY_MAX_CHARS,
  PREFERENCE_VALUE_MAX_BYTES,
} from './preference-rules';
export { isSensitiveKey, SENSITIVE_KEY_FRAGMENTS, SENSITIVE_KEY_WORDS } from './sensitive-key';
export { getProgressSnapshot, readProgressSnapshot, WEEKLY_TARGET } from './progress-snapshot';
export { getMascotMessage, readMascotMessage } from './mascot-message';
export { getTalkBlueprint, readTalkBlueprint } from './talk-blueprint';
