import { applySpokenPunctuation } from '../src/repo/spoken-punctuation';

describe('spoken punctuation', () => {
  it.each([
    ['fr', 'bonjour virgule retour a la ligne point', 'bonjour,\n.'],
    ['en', 'hello comma new line period', 'hello,\n.'],
    ['en', 'open parenthesis aside close parenthesis', '( aside)'],
    ['fr', 'vraiment point d interrogation oui point d\'exclamation', 'vraiment? oui!'],
    ['fr', 'liste deux points un point virgule deux', 'liste: un; deux'],
    ['fr', 'Ouvrez la Parenthèse note fermer la parenthese fin', '( note) fin'],
    ['fr', 'un retour à la ligne retour a la ligne deux', 'un\ndeux'],
    ['en', 'end full stop question mark exclamation mark dot', 'end.?!.'],
    ['en', 'a colon b semicolon c', 'a: b; c'],
    ['fr', '  Point  ', '.'],
  ])('%s: %j → %j', (language, text, expected) => {
    expect(applySpokenPunctuation(text, language)).toBe(expected);
  });

  it('leaves other languages, auto included, unchanged', () => {
    expect(applySpokenPunctuation('hello comma', 'auto')).toBe('hello comma');
    expect(applySpokenPunctuation('bonjour virgule', 'de')).toBe('bonjour virgule');
  });

  it('keeps the trimmed original when the result would be empty', () => {
    expect(applySpokenPunctuation('  new line ', 'en')).toBe('new line');
  });
});
