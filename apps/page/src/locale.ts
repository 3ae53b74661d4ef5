import type { Invoke } from './ipc';

/**
 * The page's language: English unless French was chosen. The choice is the previous UI's
 * global preference `lepupitre_locale`, mirrored in this browser's localStorage as the previous
 * UI did, so the page has it at once (even when the host is gone) while the stored preference
 * wins once read.
 */
export type Locale = 'en' | 'fr';

export const LOCALE_KEY = 'lepupitre_locale';

/** The previous app's rule: French when the trimmed, lowercased value starts with `fr`. */
export function localeOf(value: unknown): Locale {
  return typeof value === 'string' && value.trim().toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

function localValue(): string | null {
  try {
    return window.localStorage.getItem(LOCALE_KEY);
  } catch {
    return null;
  }
}

function remember(value: string): void {
  try {
    window.localStorage.setItem(LOCALE_KEY, value);
  } catch {
    // Storage refused (a private window's quota): the choice lasts for this page only.
  }
}

/** The language this browser last used, before the host is asked. */
export function localLocale(): Locale {
  return localeOf(localValue());
}

/** The stored preference, read through the host: its value wins and is mirrored here. */
export async function storedLocale(invoke: Invoke): Promise<Locale> {
  const stored = await invoke<string | null>('preference_global_get', { key: LOCALE_KEY });
  if (stored !== null) {
    remember(stored);
    return localeOf(stored);
  }
  const local = localValue();
  if (local !== null) await invoke('preference_global_set', { key: LOCALE_KEY, value: local });
  return localeOf(local);
}

/** Keeps a choice: here at once, then in the stored preference. */
export async function saveLocale(invoke: Invoke, locale: Locale): Promise<void> {
  remember(locale);
  await invoke('preference_global_set', { key: LOCALE_KEY, value: locale });
}
