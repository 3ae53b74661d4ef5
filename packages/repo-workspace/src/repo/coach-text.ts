import { trimUnicodeWhiteSpace } from '@lepupitre/domain-primitives';

export type CoachLanguage = 'en' | 'fr';

/** ASCII-only lowercasing, as the previous app compared: other letters stay as they are. */
export function asciiLowercase(text: string): string {
  return text.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/**
 * French when the locale, trimmed and ASCII-lowercased, starts with `fr` (`fr`, `fr-CA`,
 * `FR_fr`, and also `fresh`); anything else, null included, is English (docs/compatibility.md#workspace-21).
 */
export function coachLanguage(locale: string | null | undefined): CoachLanguage {
  return asciiLowercase(trimUnicodeWhiteSpace(locale ?? 'en')).startsWith('fr') ? 'fr' : 'en';
}

export function isBlank(text: string | null): boolean {
  return text === null || trimUnicodeWhiteSpace(text) === '';
}
