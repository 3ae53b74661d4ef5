import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { errorDetail, humanMessage, sentenceOf } from '../../src/errors/error-sentence';
import { ERROR_SENTENCES, FALLBACK_SENTENCE } from '../../src/errors/error-sentences';
import { ERROR_CODE_CONSTANTS } from '../../src/errors/known-error-codes';
import { localeOf, localeOfEnvironment, type Sentence } from '../../src/errors/locale';
import { PageErrorCode } from '../../src/host/page-error-code';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const PAGE_DIR = path.join(ROOT, 'apps', 'page', 'src');

/** Every production source that can raise a code: the packages, the app, its page. */
function productionSources(): { file: string; text: string }[] {
  const roots = [
    ...readdirSync(path.join(ROOT, 'packages')).map((name) => path.join(ROOT, 'packages', name, 'src')),
    path.join(ROOT, 'apps', 'desktop', 'src'),
    PAGE_DIR,
  ];
  const found: { file: string; text: string }[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(ts|js)$/.test(name)) found.push({ file: path.relative(ROOT, full), text: readFileSync(full, 'utf8') });
    }
  };
  for (const root of roots) walk(root);
  return found;
}

function matchesIn(sources: readonly { text: string }[], pattern: RegExp): Set<string> {
  const codes = new Set<string>();
  for (const { text } of sources) for (const match of text.matchAll(pattern)) codes.add(match[1] as string);
  return codes;
}

const sources = productionSources();

/** The code constants' values: the codes the layers declare. */
const declared = new Set(Object.values(ERROR_CODE_CONSTANTS).flatMap((constant) => Object.values(constant) as string[]));

/**
 * Codes raised without a constant, found in the sources: domain codes written inline, platform
 * codes spelled out as strings (the doctor's problems), and the page's own.
 */
const inline = new Set([
  ...matchesIn(sources, /new (?:DomainError|IpcError)\(\s*['"]([A-Za-z0-9_]+)['"]/g),
  ...matchesIn(sources, /['"]((?:DB|MIGRATION|IPC|CLI|HOST|ARTIFACT|PAGE)_[A-Z0-9_]+)['"]/g),
  ...matchesIn(sources, /\bcode: ['"]([a-z][a-z0-9]*(?:_[a-z0-9]+)+|[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)['"]/g),
]);

const everyCode = [...new Set([...declared, ...inline])].sort();
const catalogue: Readonly<Record<string, Sentence>> = ERROR_SENTENCES;

describe('the error sentence catalogue', () => {
  it('covers every code constant of the product, and every such constant is enumerated', () => {
    const constantNames = matchesIn(sources, /export const (\w*ErrorCode) = \{/g);
    expect([...constantNames].sort()).toEqual(Object.keys(ERROR_CODE_CONSTANTS).sort());
    expect(declared.size).toBeGreaterThan(100);
  });

  it('gives every code the product can raise a sentence in English and in French', () => {
    const missing = everyCode.filter((code) => !Object.hasOwn(catalogue, code));
    expect(missing).toEqual([]);
    for (const code of everyCode) {
      const sentence = catalogue[code] as Sentence;
      expect([code, Object.keys(sentence).sort()]).toEqual([code, ['en', 'fr']]);
      for (const text of [sentence.en, sentence.fr]) {
        expect([code, typeof text === 'string' && text.trim().length > 20, /[.!?]$/.test(text)]).toEqual([code, true, true]);
      }
      expect([code, sentence.fr === sentence.en]).toEqual([code, false]);
    }
  });

  it('holds no sentence for a code nothing raises any more', () => {
    expect(Object.keys(catalogue).filter((code) => !everyCode.includes(code))).toEqual([]);
  });

  it('never quotes a path nor repeats a code in a sentence', () => {
    const codes = Object.keys(catalogue);
    for (const [code, sentence] of Object.entries(catalogue)) {
      for (const text of [sentence.en, sentence.fr]) {
        expect([code, text, /[\\/]|~|[A-Za-z]:\\/.test(text)]).toEqual([code, text, false]);
        expect([code, text, codes.filter((other) => text.includes(other))]).toEqual([code, text, []]);
      }
    }
    for (const text of [FALLBACK_SENTENCE.en, FALLBACK_SENTENCE.fr]) expect(text).not.toMatch(/[\\/]/);
  });

  it('answers an unknown code, or a name of the object prototype, with the fallback', () => {
    expect(sentenceOf('profile_name_exists')).toEqual({
      en: 'A profile with this name already exists. Choose another name.',
      fr: 'Un profil porte déjà ce nom. Choisissez-en un autre.',
    });
    for (const code of ['no_such_code', 'constructor', '__proto__', 'toString', '']) expect(sentenceOf(code)).toBe(FALLBACK_SENTENCE);
  });

  it('tells a tab whose host stopped or restarted to open the new address', () => {
    // Each launch listens on a new port: the tab's address is dead even when the app runs again.
    expect(ERROR_SENTENCES[PageErrorCode.UNREACHABLE].en).toMatch(/stopped or restarted.*open the new address/);
    expect(ERROR_SENTENCES[PageErrorCode.UNREACHABLE].fr).toMatch(/arrêtée ou relancée.*ouvrez la nouvelle adresse/);
  });

  it('knows every code the page raises', () => {
    const pageSources = sources.filter((source) => source.file.startsWith(path.relative(ROOT, PAGE_DIR)));
    expect(pageSources.length).toBeGreaterThan(3);
    const raised = matchesIn(pageSources, /new IpcError\(\s*['"]([A-Z_]+)['"]/g);
    expect([...raised].sort()).toEqual(Object.values(PageErrorCode).sort());
  });
});

describe('an error as people read it', () => {
  it('never says the code twice, whatever the message repeats of it', () => {
    for (const code of everyCode) {
      for (const message of [code, `${code}: the reason`, `${code} (the reason)`, ` ${code} `]) {
        for (const locale of ['en', 'fr'] as const) {
          const text = `${code}: ${humanMessage({ code, message }, locale)}`;
          expect([code, message, text.split(code).length - 1]).toEqual([code, message, 1]);
        }
      }
    }
  });

  it('keeps what a message tells beyond its code', () => {
    expect(errorDetail('profile_name_exists', 'profile_name_exists')).toBeNull();
    expect(errorDetail('transcript_parse_failed', 'transcript_parse_failed: not an object')).toBe('not an object');
    expect(errorDetail('pack_invalid_path', 'pack_invalid_path (dot_dot_segment)')).toBe('dot_dot_segment');
    expect(errorDetail('MIGRATION_GAP', 'the profile database misses 0003 before the applied 0004')).toBe('the profile database misses 0003 before the applied 0004');
    expect(errorDetail('run_not_found', 'run_not_found_elsewhere')).toBe('run_not_found_elsewhere');
    expect(humanMessage({ code: 'DB_BUSY', message: 'open global: the database is locked by another connection' }, 'en')).toBe(
      'The database is in use by another program (another copy of the app?). Close it, wait a moment and try again. (open global: the database is locked by another connection)',
    );
    expect(humanMessage({ code: 'profile_name_exists', message: 'profile_name_exists' }, 'fr')).toBe('Un profil porte déjà ce nom. Choisissez-en un autre.');
  });

  it('reads the language as the previous app did, and a terminal by LC_ALL, LC_MESSAGES, then LANG', () => {
    expect(['fr', 'FR', ' fr-CA ', 'fr_FR.UTF-8', 'en', 'de', '', null, undefined].map(localeOf)).toEqual(['fr', 'fr', 'fr', 'fr', 'en', 'en', 'en', 'en', 'en']);
    expect(localeOfEnvironment({})).toBe('en');
    expect(localeOfEnvironment({ LANG: 'fr_FR.UTF-8' })).toBe('fr');
    expect(localeOfEnvironment({ LANG: 'fr_FR.UTF-8', LC_MESSAGES: 'C' })).toBe('en');
    expect(localeOfEnvironment({ LANG: 'en_US.UTF-8', LC_ALL: 'fr_BE.UTF-8' })).toBe('fr');
    expect(localeOfEnvironment({ LANG: 'fr_FR.UTF-8', LC_ALL: '' })).toBe('fr');
  });
});
