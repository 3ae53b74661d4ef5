import { dictionaries, translate } from '../src/i18n';
import { MESSAGE_SETS } from '../src/messages';

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1] as string).sort();

describe('the page texts', () => {
  it('hold every key in English and in French, none empty, each key in one screen only', () => {
    const { en, fr } = dictionaries();
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    const empty = Object.entries({ ...en, ...fr }).filter(([, text]) => text.trim() === '');
    expect(empty).toEqual([]);
    const keys = MESSAGE_SETS.flatMap((set) => Object.keys(set.en));
    expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);
  });

  it('use the same placeholders in both languages', () => {
    const { en, fr } = dictionaries();
    const differing = Object.keys(en).filter((key) => placeholders(en[key] as string).join() !== placeholders(fr[key] as string).join());
    expect(differing).toEqual([]);
  });

  it('fill placeholders and leave unknown ones visible', () => {
    expect(translate('en', 'talks.stage', { stage: 'draft' })).toBe('Stage: draft');
    expect(translate('fr', 'talks.stage', { stage: 'draft' })).toBe('Étape : draft');
    expect(translate('en', 'talks.stage')).toBe('Stage: {stage}');
  });
});
