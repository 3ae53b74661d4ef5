import { splitUnicodeWhiteSpace, trimUnicodeWhiteSpace } from '@lepupitre/domain-primitives';

/**
 * Spoken punctuation ("virgule", "new line") turned into symbols, as the previous app's
 * transcription did for `fr` and `en` when asked. The result is stored text, so the rules and
 * their quirks (`( word`) are kept exactly (docs/compatibility.md#talk-24).
 */
type Mode = 'attach' | 'separate' | 'newline';

interface Rule {
  /** Each alternative is a sequence of lower-case tokens. */
  readonly phrases: readonly (readonly string[])[];
  readonly symbol: string;
  readonly mode: Mode;
}

const words = (...alternatives: string[]): string[][] => alternatives.map((a) => a.split(' '));
const rule = (symbol: string, mode: Mode, ...alternatives: string[]): Rule => ({ phrases: words(...alternatives), symbol, mode });

/** In order: the first rule that matches wins, so longer phrases come before their words. */
const RULES: Readonly<Record<'fr' | 'en', readonly Rule[]>> = {
  fr: [
    rule('?', 'attach', "point d'interrogation", 'point d interrogation'),
    rule('!', 'attach', "point d'exclamation", 'point d exclamation'),
    rule(';', 'attach', 'point virgule'),
    rule(':', 'attach', 'deux points'),
    rule('\n', 'newline', 'retour a la ligne', 'retour à la ligne'),
    rule('(', 'separate', 'ouvrir la parenthese', 'ouvrir la parenthèse', 'ouvrez la parenthese', 'ouvrez la parenthèse'),
    rule(')', 'attach', 'fermer la parenthese', 'fermer la parenthèse', 'fermez la parenthese', 'fermez la parenthèse'),
    rule(',', 'attach', 'virgule'),
    rule('.', 'attach', 'point'),
  ],
  en: [
    rule('?', 'attach', 'question mark'),
    rule('!', 'attach', 'exclamation mark'),
    rule('.', 'attach', 'full stop'),
    rule('\n', 'newline', 'new line'),
    rule('(', 'separate', 'open parenthesis'),
    rule(')', 'attach', 'close parenthesis'),
    rule(',', 'attach', 'comma'),
    rule(':', 'attach', 'colon'),
    rule(';', 'attach', 'semicolon'),
    rule('.', 'attach', 'period'),
    rule('.', 'attach', 'dot'),
  ],
};

/** Applies the language's rules to one segment's text; other languages are left unchanged. */
export function applySpokenPunctuation(text: string, language: string): string {
  if (language !== 'fr' && language !== 'en') return text;
  const rules = RULES[language];
  const tokens = splitUnicodeWhiteSpace(text);
  const lower = tokens.map((t) => t.toLowerCase());
  let out = '';
  let i = 0;
  while (i < tokens.length) {
    const match = firstMatch(rules, lower, i);
    if (match) {
      out = apply(out, match.rule.symbol, match.rule.mode);
      i += match.length;
    } else {
      out = apply(out, tokens[i] as string, 'separate');
      i += 1;
    }
  }
  const result = trimUnicodeWhiteSpace(out);
  return result === '' ? trimUnicodeWhiteSpace(text) : result;
}

function firstMatch(rules: readonly Rule[], lower: readonly string[], at: number): { rule: Rule; length: number } | undefined {
  for (const candidate of rules) {
    for (const phrase of candidate.phrases) {
      if (phrase.every((word, k) => lower[at + k] === word)) return { rule: candidate, length: phrase.length };
    }
  }
  return undefined;
}

function apply(out: string, symbol: string, mode: Mode): string {
  switch (mode) {
    case 'attach':
      return out + symbol;
    case 'separate':
      return out === '' || out.endsWith('\n') ? out + symbol : `${out} ${symbol}`;
    case 'newline': {
      const stripped = out.replace(/ +$/, '');
      return stripped.endsWith('\n') ? stripped : `${stripped}\n`;
    }
  }
}
