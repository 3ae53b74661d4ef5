/**
 * The two languages the previous UI offered. Error sentences exist in both; English is the
 * default wherever no language was chosen.
 */
export type Locale = 'en' | 'fr';

export const DEFAULT_LOCALE: Locale = 'en';

/** One human sentence per language: what happened, then what to do. */
export interface Sentence {
  readonly en: string;
  readonly fr: string;
}

/**
 * The previous app's rule for a locale string, kept (docs/contexts/workspace.md): French when
 * the trimmed, lowercased value starts with `fr` (`fr`, `fr-CA`, `fr_FR.UTF-8`), English
 * otherwise, null and absence included.
 */
export function localeOf(value: string | null | undefined): Locale {
  return typeof value === 'string' && value.trim().toLowerCase().startsWith('fr') ? 'fr' : DEFAULT_LOCALE;
}

/**
 * The language of a terminal, by the POSIX order for messages: `LC_ALL`, then `LC_MESSAGES`,
 * then `LANG`; the first one set decides (`C` and `POSIX` are English).
 */
export function localeOfEnvironment(env: Readonly<Record<string, string | undefined>>): Locale {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (value !== undefined && value !== '') return localeOf(value);
  }
  return DEFAULT_LOCALE;
}
