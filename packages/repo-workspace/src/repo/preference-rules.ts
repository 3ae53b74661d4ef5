import { DomainError, trimUnicodeWhiteSpace } from '@lepupitre/db-core';
import { WorkspaceErrorCode, type PreferenceValue } from '../types';

export const PREFERENCE_KEY_MAX_CHARS = 160;
/** Measured in UTF-8 bytes, as the previous backend did (the UI's limit counts UTF-16 units). */
export const PREFERENCE_VALUE_MAX_BYTES = 32_768;

/**
 * Fragments that mark a key as a place for a secret. Preferences are stored in clear in a file
 * a user may copy or attach to a support request, so such keys are refused outright. Seven
 * fragments, as the previous code (backend and UI) enforced, `apikey` included.
 */
export const SENSITIVE_KEY_FRAGMENTS = ['token', 'secret', 'password', 'credential', 'api_key', 'apikey', 'private_key'] as const;

const KEY_CHARACTERS = /^[A-Za-z0-9._:-]+$/;

/**
 * The key as stored and looked up: trimmed of Unicode White_Space (`"  lepupitre_theme "`
 * addresses `lepupitre_theme`), 1 to 160 characters of `[A-Za-z0-9._:-]`, case preserved, and
 * not sensitive. Invalid wins over sensitive. Runs before any database access.
 */
export function normalizePreferenceKey(key: string): string {
  const trimmed = typeof key === 'string' ? trimUnicodeWhiteSpace(key) : '';
  if (trimmed.length === 0 || trimmed.length > PREFERENCE_KEY_MAX_CHARS || !KEY_CHARACTERS.test(trimmed)) {
    throw new DomainError(WorkspaceErrorCode.PREFERENCE_KEY_INVALID);
  }
  const folded = trimmed.toLowerCase().replace(/[.:-]/g, '_');
  if (SENSITIVE_KEY_FRAGMENTS.some((fragment) => folded.includes(fragment))) {
    throw new DomainError(WorkspaceErrorCode.PREFERENCE_KEY_SENSITIVE_FORBIDDEN);
  }
  return trimmed;
}

/** A value to store (null or absent means delete, which is never too large). Stored verbatim, never parsed as JSON. */
export function assertPreferenceValue(value: PreferenceValue): void {
  if (value === null || value === undefined) return;
  if (Buffer.byteLength(value, 'utf8') > PREFERENCE_VALUE_MAX_BYTES) {
    throw new DomainError(WorkspaceErrorCode.PREFERENCE_VALUE_TOO_LARGE);
  }
}
