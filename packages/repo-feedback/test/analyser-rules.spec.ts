import { buildFeedbackFromText, formatFloat, serializeFeedback, type FeedbackV1 } from '../src';
import { fillerCount, repeatTerms } from '../src/repo/analyser/metrics';
import { scanWords, sentenceCount, tokenize } from '../src/repo/analyser/text-scan';

const fillers = (text: string): number => {
  const { lowered, tokens } = scanWords(text);
  return fillerCount(lowered, tokens);
};
const analyse = (text: string, estimatedSec = 60): FeedbackV1 => buildFeedbackFromText(text, estimatedSec);

describe('tokens', () => {
  it('keeps ASCII letters and digits, lower-cased, and splits on everything else', () => {
    expect(tokenize("C'est déjà l'API-v2")).toEqual(['c', 'est', 'd', 'j', 'l', 'api', 'v2']);
    expect(tokenize('h264 x_y H2O')).toEqual(['h264', 'x', 'y', 'h2o']);
  });

  it('splits on non-ASCII letters, emoji and astral characters (docs/compatibility.md#feedback-1)', () => {
    expect(tokenize('sécurité naïve')).toEqual(['s', 'curit', 'na', 've']);
    expect(tokenize('API😀v2 𝔸b')).toEqual(['api', 'v2', 'b']);
    // The Kelvin sign lower-cases to an ASCII `k` in JS; it is still a separator here.
    expect(tokenize('o\u212Ay')).toEqual(['o', 'y']);
  });

  it('finds no token in empty or punctuation-only text', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize("...!? -- ' \n")).toEqual([]);
  });
});

describe('sentence count', () => {
  it('splits on . ! ? and newline, counting non-blank pieces', () => {
    expect(sentenceCount('a. b! c? d\ne')).toBe(5);
    expect(sentenceCount('Hello... world')).toBe(2);
    expect(sentenceCount('...')).toBe(0);
    expect(sentenceCount('')).toBe(0);
    expect(sentenceCount(' \t ')).toBe(0);
    expect(sentenceCount('a\r\nb')).toBe(2);
  });

  it('trims with Unicode White_Space, not JS trim (docs/compatibility.md#feedback-7)', () => {
    expect(sentenceCount('a.\u0085')).toBe(1);
    expect(sentenceCount('a.\u00a0\u2028\u3000')).toBe(1);
    // U+FEFF is not White_Space: the piece after the dot counts, as it did before.
    expect(sentenceCount('a.\ufeff')).toBe(2);
  });

  it('does not treat other punctuation as sentence ends', () => {
    expect(sentenceCount('one; two: three… four\u2028five')).toBe(1);
  });
});

describe('fillers (docs/compatibility.md#feedback-2)', () => {
  it('counts the twelve filler words wherever they occur, in any case', () => {
    expect(fillers('um uh like actually basically literally sort kind okay euh bah genre')).toBe(12);
    expect(fillers('Um, UM, um.')).toBe(3);
    expect(fillers('umm likely kinds')).toBe(0);
  });

  it('counts the phrases as raw substrings, single spaces only', () => {
    expect(fillers('you know')).toBe(1);
    expect(fillers('YOU KNOW, You Know')).toBe(2);
    expect(fillers('you knowledge')).toBe(1);
    expect(fillers('du coupon')).toBe(1);
    expect(fillers('du coup du coup')).toBe(2);
    expect(fillers('you  know')).toBe(0);
    expect(fillers('you\nknow')).toBe(0);
    expect(fillers('you, know')).toBe(0);
    expect(fillers('you know du coup like')).toBe(3);
  });

  it('never counts the words of a phrase on their own', () => {
    expect(fillers('you know-how du coupé')).toBe(2);
    expect(fillers('you, du, coup, know')).toBe(0);
  });

  it('lower-cases ASCII only when looking for phrases', () => {
    expect(fillers('you \u212Anow')).toBe(0);
    expect(fillers('DU COUP')).toBe(1);
  });
});

describe('repeated terms', () => {
  const repeats = (text: string): string[] => repeatTerms(tokenize(text));

  it('sorts by count, then by code-unit order', () => {
    expect(repeats('gamma gamma gamma beta beta alpha alpha')).toEqual(['gamma', 'alpha', 'beta']);
    expect(repeats('Zeta zeta beta BETA 100 100 abc abc')).toEqual(['100', 'abc', 'beta', 'zeta']);
  });

  it('keeps at most five terms', () => {
    expect(repeats('aaa aaa bbb bbb ccc ccc ddd ddd eee eee fff fff')).toEqual(['aaa', 'bbb', 'ccc', 'ddd', 'eee']);
  });

  it('ignores short tokens, single occurrences and stop words', () => {
    expect(repeats('ab ab ab once')).toEqual([]);
    expect(repeats('the the this this with with their their from from')).toEqual([]);
    expect(repeats('dans dans pour pour avec avec cette cette elles elles')).toEqual([]);
  });

  it('does not exclude fillers, and keeps accent fragments (docs/compatibility.md#feedback-1, docs/compatibility.md#feedback-2)', () => {
    expect(repeats('like like actually actually')).toEqual(['actually', 'like']);
    expect(repeats('être être')).toEqual(['tre']);
  });
});

describe('jargon (docs/compatibility.md#feedback-3)', () => {
  const jargon = (text: string): string[] => scanWords(text).jargonTerms;

  it('keeps all-caps, numbers and runs with a digit, of three characters or more', () => {
    expect(jargon('OK Ok2 Kubernetes API api HTTP2 k8s 2024 100 v2beta h264 12 Api')).toEqual([
      'Ok2',
      'API',
      'HTTP2',
      'k8s',
      '2024',
      '100',
      'v2beta',
      'h264',
    ]);
  });

  it('keeps the first occurrence of each exact string, case-sensitively', () => {
    expect(jargon('ABC abc1 ABC abc1 ABC1 abc')).toEqual(['ABC', 'abc1', 'ABC1']);
  });

  it('splits runs on non-ASCII letters and has no length cap', () => {
    expect(jargon('APIé ÉTAT')).toEqual(['API', 'TAT']);
    const many = Array.from({ length: 60 }, (_, i) => `T${1000 + i}`);
    expect(jargon(many.join(' '))).toEqual(many);
  });
});

describe('metrics, score and actions', () => {
  it('analyses only fillers: penalty, half-away rounding and the filler action', () => {
    // 3 tokens, 1 sentence, 1 minute: 3 fillers per minute costs 7.5 points; 82.5 rounds up.
    expect(serializeFeedback(analyse('um uh um'))).toBe(
      '{"schema_version":"1.0.0","overall_score":83,"top_actions":[{"action_id":"reduce_fillers","title":"Reduce filler words",' +
        '"why_it_matters":"Fillers dilute clarity and confidence.","how_to_fix":"Pause silently instead of using fillers.",' +
        '"target_quest_codes":["D01"]}],"comments":[],"metrics":{"wpm":3.0,"filler_per_min":3.0,"pause_count":0,' +
        '"avg_sentence_words":3.0,"repeat_terms":[],"jargon_terms":[],"density_score":12.0}}',
    );
  });

  it('treats punctuation-only text like empty text', () => {
    expect(serializeFeedback(analyse('...!?\n,;: - ', 60))).toBe(serializeFeedback(analyse('', 60)));
    expect(analyse('...').metrics.pause_count).toBe(0);
  });

  it('penalises long sentences by 1.5 per word over 18', () => {
    const words = Array.from({ length: 20 }, (_, i) => `word${String.fromCharCode(97 + i)}`).join(' ');
    const feedback = analyse(words);
    expect(feedback.metrics.avg_sentence_words).toBe(20);
    expect(feedback.overall_score).toBe(87);
    expect(feedback.top_actions.map((a) => a.action_id)).toEqual(['shorten_sentences']);
  });

  it('penalises more than three repeated terms, rounding 88.5 up', () => {
    const feedback = analyse('alpha alpha beta beta gamma gamma delta delta', 30);
    expect(feedback.metrics.repeat_terms).toHaveLength(4);
    expect(feedback.overall_score).toBe(89);
  });

  it('clamps the score at zero', () => {
    const feedback = analyse('um '.repeat(100), 30);
    expect(feedback.metrics.filler_per_min).toBe(200);
    expect(feedback.overall_score).toBe(0);
  });

  it('keeps two actions at most, in rule order', () => {
    const feedback = analyse('like term '.repeat(25));
    expect(feedback.metrics.filler_per_min).toBeGreaterThan(2);
    expect(feedback.metrics.avg_sentence_words).toBeGreaterThan(18);
    expect(feedback.metrics.repeat_terms.length).toBeGreaterThan(0);
    expect(feedback.top_actions.map((a) => a.action_id)).toEqual(['reduce_fillers', 'shorten_sentences']);
  });

  it('counts pauses from the raw sentence count', () => {
    expect(analyse('One. Two. Three.').metrics.pause_count).toBe(2);
    expect(analyse('no end').metrics.pause_count).toBe(0);
  });

  it('floors the duration at 30 seconds', () => {
    const at30 = serializeFeedback(analyse('Some words here.', 30));
    for (const seconds of [29, 1, 0, -600]) expect(serializeFeedback(analyse('Some words here.', seconds))).toBe(at30);
    expect(analyse('Some words here.', 30).metrics.wpm).toBe(6);
  });

  it('refuses a duration that is not a whole number of seconds', () => {
    for (const seconds of [1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => analyse('text', seconds)).toThrow(expect.objectContaining({ code: 'analysis_duration_invalid' }));
    }
  });

  it('analyses mixed Unicode text with ASCII classes only', () => {
    const feedback = analyse('Ça marche? Très bien… 😀 API𝔸v2\u2028fin', 60);
    // Tokens: a, marche, tr, s, bien, api, v2, fin; sentences end only at the `?`.
    expect(feedback.metrics.wpm).toBe(8);
    expect(feedback.metrics.pause_count).toBe(1);
    expect(feedback.metrics.avg_sentence_words).toBe(4);
    expect(feedback.metrics.jargon_terms).toEqual(['API']);
    expect(feedback.metrics.repeat_terms).toEqual([]);
  });

  it('analyses very long text in one pass with exact results', () => {
    const sentences = 100_000;
    const text = 'Alpha beta gamma, you know. '.repeat(sentences);
    const feedback = analyse(text, 6000);
    expect(feedback.metrics.wpm).toBe((sentences * 5) / 100);
    expect(feedback.metrics.filler_per_min).toBe(sentences / 100);
    expect(feedback.metrics.pause_count).toBe(sentences - 1);
    expect(feedback.metrics.avg_sentence_words).toBe(5);
    expect(feedback.metrics.repeat_terms).toEqual(['alpha', 'beta', 'gamma', 'know']);
    expect(feedback.overall_score).toBe(0);

    const oneToken = 'x'.repeat(1_000_000);
    expect(analyse(oneToken).metrics.wpm).toBe(1);
    expect(analyse(`${'ABC '.repeat(200_000)}`).metrics.jargon_terms).toEqual(['ABC']);
  });
});

describe('float writer (docs/compatibility.md#feedback-5)', () => {
  it.each([
    [0, '0.0'],
    [100, '100.0'],
    [150, '150.0'],
    [12.5, '12.5'],
    [0.2, '0.2'],
    [16.666666666666668, '16.666666666666668'],
    [2.3333333333333335, '2.3333333333333335'],
    [1e-5, '0.00001'],
    [1.5e-5, '0.000015'],
    [1e-7, '1e-7'],
    [1.234e-6, '1.234e-6'],
    [5e-6, '5e-6'],
    [9999999999999998, '9999999999999998.0'],
    [1e16, '1e+16'],
    [1.5e16, '1.5e+16'],
    [123456.789, '123456.789'],
    [-0, '-0.0'],
    [Number.NaN, 'null'],
  ])('writes %p as %s', (value, written) => {
    expect(formatFloat(value)).toBe(written);
  });
});

describe('serialization', () => {
  it('writes comments in declaration order with evidence keys sorted and strings escaped', () => {
    const base = analyse('Hello world.');
    const withComment: FeedbackV1 = {
      ...base,
      comments: [
        { t_start_ms: 0, t_end_ms: 1200, severity: 'low', label: 'tab\there "q" \u0001', evidence: { z: 1, a: [0.5, 'x'] }, suggestion: 'é/\u2028' },
      ],
    };
    expect(serializeFeedback(withComment)).toContain(
      '"comments":[{"t_start_ms":0,"t_end_ms":1200,"severity":"low","label":"tab\\there \\"q\\" \\u0001",' +
        '"evidence":{"a":[0.5,"x"],"z":1},"suggestion":"é/\u2028"}]',
    );
  });

  it('writes compact JSON that parses back to the same document', () => {
    const feedback = analyse('Um, the API v2 is like, you know, fast. The API is fast!', 42);
    const bytes = serializeFeedback(feedback);
    expect(bytes.replace(/"(?:[^"\\]|\\.)*"/g, '""')).not.toMatch(/\s/);
    expect(JSON.parse(bytes)).toEqual(feedback);
  });
});
