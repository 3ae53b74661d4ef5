/**
 * One screen's texts in both languages: French must name exactly the keys of English, so a text
 * added in one language and forgotten in the other fails the type check.
 */
export function defineMessages<const E extends Record<string, string>>(en: E, fr: { readonly [K in keyof E]: string }): { en: E; fr: { readonly [K in keyof E]: string } } {
  return { en, fr };
}
