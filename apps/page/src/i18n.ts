import { MESSAGE_SETS } from './messages';
import type { Locale } from './locale';

type Union<T> = T extends readonly (infer U)[] ? U : never;
type Keys<S> = S extends { en: infer E } ? keyof E : never;
/** Every message key of the page. */
export type MessageKey = Keys<Union<typeof MESSAGE_SETS>>;

const DICTIONARIES: Record<Locale, Record<string, string>> = {
  en: Object.assign({}, ...MESSAGE_SETS.map((set) => set.en)) as Record<string, string>,
  fr: Object.assign({}, ...MESSAGE_SETS.map((set) => set.fr)) as Record<string, string>,
};

/** The text of `key` in `locale`, with `{name}` placeholders filled from `params`. */
export function translate(locale: Locale, key: MessageKey, params: Readonly<Record<string, string | number>> = {}): string {
  const text = DICTIONARIES[locale][key] ?? DICTIONARIES.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Both dictionaries, for the test that every key exists in each. */
export const dictionaries = (): Readonly<Record<Locale, Readonly<Record<string, string>>>> => DICTIONARIES;
