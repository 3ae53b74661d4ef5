import { DomainError, trimUnicodeWhiteSpace } from '@lepupitre/domain-primitives';
import { WorkspaceErrorCode, type PreferenceValue } from '../types';
import { isSensitiveKey } from './sensitive-key';

export const PREFERENCE_KEY_MAX_CHARS = 160;
/** Measured in UTF-8 bytes, as the previous backend did (the UI's limit counts UTF-16 units). */
export const PREFERENCE_VALUE_MAX_BYTES = 32_768;

const KEY_CHARACTERS = /^[A-Za-z0-9._:-]+$/;

/**
 * The key as stored and looked up: trimmed of Unicode White_Space (`"  lepupitre_theme "`
 * addresses `lepupitre_theme`), 1 to 160 characters of `[A-Za-z0-9._:-]`, case preserved, and
 * not sensitive (`isSensitiveKey`). Invalid wins over sensitive. Runs before any database access.
 */
export function normalizePreferenceKey(key: string): string {
  const trimmed = typeof key === 'string' ? trimUnicodeWhiteSpace(key) : '';
  if (trimmed.length === 0 || trimmed.length > PREFERENCE_KEY_MAX_CHARS || !KEY_CHARACTERS.test(trimmed)) {
    throw new DomainError(WorkspaceErrorCode.PREFERENCE_KEY_INVALID);
  }
  if (isSensitiveKey(trimmed)) {
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
