import { readTranscriptDocument, transcriptEndMs, transcriptText, type TranscriptV1 } from '../src';

const code = (c: string) => expect.objectContaining({ code: c });
const bytes = (text: string): Buffer => Buffer.from(text, 'utf8');

function transcript(segments: readonly { t_end_ms: number; text: string }[]): TranscriptV1 {
  return readTranscriptDocument(
    bytes(
      JSON.stringify({
        schema_version: '1.0.0',
        language: 'en',
        model_id: 'tiny',
        duration_ms: null,
        segments: segments.map((s) => ({ t_start_ms: 0, t_end_ms: s.t_end_ms, text: s.text, confidence: null })),
      }),
    ),
  );
}

describe('transcript documents (TranscriptV1)', () => {
  it('reads the stored form, dropping unknown fields', () => {
    const parsed = readTranscriptDocument(
      bytes(
        '{"schema_version":"1.0.0","language":"fr","model_id":"tiny","duration_ms":3210,"extra":1,' +
          '"segments":[{"t_start_ms":0,"t_end_ms":3210,"text":"bonjour","confidence":null,"speaker":"a"}]}',
      ),
    );
    expect(parsed).toEqual({
      schema_version: '1.0.0',
      language: 'fr',
      model_id: 'tiny',
      duration_ms: 3210,
      segments: [{ t_start_ms: 0, t_end_ms: 3210, text: 'bonjour', confidence: null }],
    });
  });

  it('accepts absent or null optional fields and any schema version value', () => {
    const parsed = readTranscriptDocument(bytes('{"schema_version":"9","language":"en","segments":[{"t_start_ms":1,"t_end_ms":2,"text":"x","confidence":0.5}]}'));
    expect(parsed.model_id).toBeNull();
    expect(parsed.duration_ms).toBeNull();
    expect(parsed.segments[0]?.confidence).toBe(0.5);
  });

  it.each([
    ['not JSON', '{"schema_version":'],
    ['not an object', '[]'],
    ['missing language', '{"schema_version":"1.0.0","segments":[]}'],
    ['missing segments', '{"schema_version":"1.0.0","language":"en"}'],
    ['a fractional time', '{"schema_version":"1.0.0","language":"en","segments":[{"t_start_ms":0,"t_end_ms":1.5,"text":"x"}]}'],
    ['a time beyond 64 bits', '{"schema_version":"1.0.0","language":"en","segments":[{"t_start_ms":0,"t_end_ms":1e19,"text":"x"}]}'],
    ['a missing segment text', '{"schema_version":"1.0.0","language":"en","segments":[{"t_start_ms":0,"t_end_ms":1}]}'],
    ['a string duration', '{"schema_version":"1.0.0","language":"en","duration_ms":"5","segments":[]}'],
    ['a byte-order mark', '\ufeff{"schema_version":"1.0.0","language":"en","segments":[]}'],
  ])('refuses %s', (_case, text) => {
    expect(() => readTranscriptDocument(bytes(text))).toThrow(code('transcript_parse_failed'));
  });

  it('refuses bytes that are not UTF-8', () => {
    expect(() => readTranscriptDocument(Buffer.from([0x7b, 0xff, 0x7d]))).toThrow(code('transcript_parse_failed'));
  });
});

describe('transcript text and duration', () => {
  it('trims segments with White_Space, drops blank ones and joins with one space', () => {
    const t = transcript([
      { t_end_ms: 1, text: '  Hello there.\n' },
      { t_end_ms: 2, text: '\u0085\u3000' },
      { t_end_ms: 3, text: 'new\nline inside' },
      { t_end_ms: 4, text: '\ufeffkept' },
    ]);
    expect(transcriptText(t)).toBe('Hello there. new\nline inside \ufeffkept');
  });

  it('fails with transcript_empty when every segment is blank or there is none', () => {
    expect(() => transcriptText(transcript([{ t_end_ms: 5, text: ' \n\u2029' }]))).toThrow(code('transcript_empty'));
    expect(() => transcriptText(transcript([]))).toThrow(code('transcript_empty'));
  });

  it('takes the largest segment end, whatever the order, or null without segments', () => {
    expect(transcriptEndMs(transcript([{ t_end_ms: 93_120, text: 'a' }, { t_end_ms: 40_000, text: 'b' }]))).toBe(93_120);
    expect(transcriptEndMs(transcript([]))).toBeNull();
  });
});
