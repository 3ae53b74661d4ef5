import { printableList, printableText } from '../src';
import { PRINTABLE_MAX_CHARS } from '../src/text/printable-text';

describe('printableText: what is read from files, folder names and input, fit to print', () => {
  it('leaves ordinary text as it is, accents, emoji and backslashes included', () => {
    for (const text of ['0009_lookup_indexes', 'prof_0123456789abcdef0123456789abcdef', 'Répétition générale 🎤', 'C:\\x1b literally', '']) {
      expect(printableText(text)).toBe(text);
    }
  });

  it('escapes controls, format characters, separators and unpaired surrogates', () => {
    expect(printableText('a\nb\r\tc')).toBe('a\\nb\\r\\tc');
    expect(printableText('\u001b[31mred\u001b[0m')).toBe('\\x1b[31mred\\x1b[0m');
    expect(printableText('\u0000\u007f\u0085\u009b2J')).toBe('\\x00\\x7f\\x85\\x9b2J');
    expect(printableText('abc\u202edcba\u2066\u200b\ufeff')).toBe('abc\\u202edcba\\u2066\\u200b\\ufeff');
    expect(printableText('line\u2028para\u2029')).toBe('line\\u2028para\\u2029');
    expect(printableText('tag\u{e0041}')).toBe('tag\\u{e0041}');
    expect(printableText('half\ud800 pair\ud83c\udfa4')).toBe('half\\ud800 pair\ud83c\udfa4');
  });

  it('cuts a long value with its length, without splitting an escape or a surrogate pair', () => {
    const long = 'abc'.padEnd(204800, 'A');
    const shown = printableText(long);
    expect(shown).toBe(`${long.slice(0, PRINTABLE_MAX_CHARS - '…(204800 chars)'.length)}…(204800 chars)`);
    expect(shown).toHaveLength(PRINTABLE_MAX_CHARS);
    expect(printableText('\u001b'.repeat(30), 20)).toBe('\\x1b\\x1b…(30 chars)');
    expect(printableText('🎤'.repeat(10), 16)).toBe('🎤🎤…(20 chars)');
    expect(printableText('exactly ten', 11)).toBe('exactly ten');
  });

  it('is idempotent, so text quoted twice reads the same', () => {
    for (const text of ['\u001b[2J\nlepupitre: FAKE', 'x'.repeat(5000), 'plain']) {
      const once = printableText(text);
      expect(printableText(once)).toBe(once);
    }
  });

  it('lists a few values, each printable, and counts the rest', () => {
    expect(printableList(['a', 'b\nc'])).toBe('a, b\\nc');
    expect(printableList(['1', '2', '3', '4'], 2)).toBe('1, 2 and 2 more');
    expect(printableList([])).toBe('');
  });
});
