import { metricLines } from '../src/feedback-metrics';

const METRICS = {
  wpm: 132.4,
  filler_per_min: 2.25,
  pause_count: 3,
  avg_sentence_words: 12.5,
  repeat_terms: ['sqlite', 'local'],
  jargon_terms: [],
  density_score: 50,
};

describe('the metrics of a feedback', () => {
  it('are all shown, in order, each with a label, a unit and what it means', () => {
    const lines = metricLines(METRICS, 'en');
    expect(lines.map((line) => line.id)).toEqual(['wpm', 'filler_per_min', 'pause_count', 'avg_sentence_words', 'repeat_terms', 'jargon_terms', 'density_score']);
    expect(lines.map((line) => line.value)).toEqual(['132 words/min', '2.3 fillers/min', '3 pauses', '12.5 words/sentence', 'sqlite, local', 'none', '50/100']);
    expect(lines.every((line) => line.label !== '' && !line.label.startsWith('feedback.') && line.meaning.length > 10)).toBe(true);
  });

  it('read in French with French units and decimal commas', () => {
    const values = metricLines(METRICS, 'fr').map((line) => line.value);
    expect(values.slice(0, 4)).toEqual(['132 mots/min', '2,3 tics/min', '3 pauses', '12,5 mots/phrase']);
    expect(values[5]).toBe('aucun');
  });

  it('say when an older feedback did not measure jargon or density, rather than showing zero', () => {
    const values = metricLines({ ...METRICS, jargon_terms: null, density_score: undefined }, 'en').map((line) => line.value);
    expect(values.slice(5)).toEqual(['not measured', 'not measured']);
  });
});
