import { splitUnicodeWhiteSpace, trimUnicodeWhiteSpace } from '../src';

const WHITE_SPACE = [
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005,
  0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
];
const NOT_WHITE_SPACE = [0x08, 0x0e, 0x1f, 0x200b, 0x180e, 0xfeff, 0x84, 0x86];

describe('Unicode White_Space (Rust trim and split_whitespace)', () => {
  it('trims U+0085 and keeps U+FEFF, unlike String#trim', () => {
    expect(trimUnicodeWhiteSpace('\u0085 note \u3000')).toBe('note');
    expect(trimUnicodeWhiteSpace('\ufeffnote\ufeff')).toBe('\ufeffnote\ufeff');
    expect('\u0085 note'.trim()).not.toBe('note');
  });

  it('trims every White_Space code point and nothing else, on both ends', () => {
    for (const code of WHITE_SPACE) expect(trimUnicodeWhiteSpace(`${String.fromCharCode(code)}x${String.fromCharCode(code)}`)).toBe('x');
    for (const code of NOT_WHITE_SPACE) expect(trimUnicodeWhiteSpace(`${String.fromCharCode(code)}x`)).toHaveLength(2);
    expect(trimUnicodeWhiteSpace(' \t\n ')).toBe('');
  });

  it('splits on runs of White_Space only, dropping empty words', () => {
    expect(splitUnicodeWhiteSpace('  one\u00a0\u2003two\n\nthree\u0085 ')).toEqual(['one', 'two', 'three']);
    expect(splitUnicodeWhiteSpace('a\ufeffb\u200bc')).toEqual(['a\ufeffb\u200bc']);
    expect(splitUnicodeWhiteSpace(' \t ')).toEqual([]);
    expect(splitUnicodeWhiteSpace('')).toEqual([]);
  });
});
