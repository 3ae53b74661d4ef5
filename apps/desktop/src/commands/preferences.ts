import { assertPreferenceValue, getGlobalPreference, normalizePreferenceKey, readProfilePreference, setGlobalPreference, writeProfilePreference } from '@lepupitre/repo-workspace';
import { z } from 'zod';
import { defineCommand, type AnyCommand } from './command';
import { Id, VoidResponse } from './wire-schemas';

/*
 * The key and value rules (shape, sensitive fragments, 32,768-byte limit) are the repository's,
 * with their stable codes, so they are not repeated in the schemas: `preference_key_invalid`
 * must reach the caller as such, not as an invalid payload. A null or absent value deletes.
 */

const PreferenceValue = z.string().nullish();
const StoredValue = z.string().nullable();

export const preferenceGlobalGet = defineCommand({
  name: 'preference_global_get',
  request: z.object({ key: z.string() }),
  response: StoredValue,
  handler: ({ key }, context) => getGlobalPreference(context.global(), key),
});

export const preferenceGlobalSet = defineCommand({
  name: 'preference_global_set',
  request: z.object({ key: z.string(), value: PreferenceValue }),
  response: VoidResponse,
  handler: ({ key, value }, context) => {
    setGlobalPreference(context.global(), key, value);
    return null;
  },
});

export const preferenceProfileGet = defineCommand({
  name: 'preference_profile_get',
  request: z.object({ profileId: Id, key: z.string() }),
  response: StoredValue,
  handler: ({ profileId, key }, context) => {
    // The previous order: a bad key is refused before the profile is looked up.
    const normalized = normalizePreferenceKey(key);
    return readProfilePreference(context.profile(profileId).db, normalized);
  },
});

export const preferenceProfileSet = defineCommand({
  name: 'preference_profile_set',
  request: z.object({ profileId: Id, key: z.string(), value: PreferenceValue }),
  response: VoidResponse,
  handler: ({ profileId, key, value }, context) => {
    const normalized = normalizePreferenceKey(key);
    assertPreferenceValue(value);
    writeProfilePreference(context.profile(profileId).db, normalized, value);
    return null;
  },
});

export const PREFERENCE_COMMANDS: readonly AnyCommand[] = [preferenceGlobalGet, preferenceGlobalSet, preferenceProfileGet, preferenceProfileSet];
