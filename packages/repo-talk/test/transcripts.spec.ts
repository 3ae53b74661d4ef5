import { ArtifactStore, type DatabaseHandle } from '@lepupitre/db-core';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportTranscript, getTranscript, importAudio, importTranscript, saveEditedTranscript, type TranscriptV1 } from '../src';
import { expectCode } from './support/expect-code';
import { newProfile, removeProfiles, steppingClock, storeArtifact, type TestProfile } from './support/profile';
import { countArtifacts } from './support/queries';
import { rampSamples, wavBytes } from './support/wav-bytes';

afterAll(removeProfiles);

let profile: TestProfile;
let db: DatabaseHandle;
let now: () => string;
beforeEach(() => {
  profile = newProfile();
  db = profile.db;
  now = steppingClock();
});
afterEach(() => db.close());

const seg = (t_start_ms: number, t_end_ms: number, text: string) => ({ t_start_ms, t_end_ms, text, confidence: null });
const doc = (segments: ReturnType<typeof seg>[], extra: Partial<TranscriptV1> = {}): TranscriptV1 => ({
  schema_version: '1.0.0',
  language: 'fr',
  model_id: 'tiny',
  duration_ms: 6000,
  segments,
  ...extra,
});
/** A transcript file as the previous app's ASR stored it (any JSON text is accepted). */
const storeTranscriptFile = (content: unknown) =>
  storeArtifact(db, profile.folder, 'transcript', Buffer.from(typeof content === 'string' ? content : JSON.stringify(content)));
const fileOf = (id: string) => {
  const row = new ArtifactStore(db, profile.folder).get(id);
  return readFileSync(join(profile.folder, row?.localRelpath ?? 'missing'), 'utf8');
};
const metadataOf = (id: string) => JSON.parse(new ArtifactStore(db, profile.folder).get(id)?.metadataJson ?? 'null');
const audio = (ms: number) => importAudio(db, profile.folder, wavBytes({ samples: rampSamples(ms * 16) }), { now }).artifactId;

describe('getTranscript', () => {
  it('reads a stored transcript, dropping unknown fields and defaulting optionals to null', () => {
    const id = storeTranscriptFile({ schema_version: '1.0.0', language: 'auto', extra: 1, segments: [{ t_start_ms: 0, t_end_ms: 10, text: 'a', x: 2 }] });
    expect(getTranscript(db, profile.folder, id)).toEqual({
      schema_version: '1.0.0',
      language: 'auto',
      model_id: null,
      duration_ms: null,
      segments: [seg(0, 10, 'a')],
    });
  });

  it('leaves blank segments out of what it returns, and calls a transcript with none left transcript_empty', () => {
    const stored = { schema_version: '1.0.0', language: 'fr', segments: [seg(0, 10, 'a'), seg(10, 20, ' \n'), seg(20, 30, '')] };
    const id = storeTranscriptFile(stored);
    expect(getTranscript(db, profile.folder, id).segments).toEqual([seg(0, 10, 'a')]);
    expectCode(() => getTranscript(db, profile.folder, storeTranscriptFile({ ...stored, segments: [] })), 'transcript_empty');
    expectCode(() => getTranscript(db, profile.folder, storeTranscriptFile({ ...stored, segments: [seg(0, 1, '  ')] })), 'transcript_empty');
  });

  it('refuses unknown ids, other artifact kinds and unreadable documents', () => {
    expectCode(() => getTranscript(db, profile.folder, 'art_missing'), 'artifact_not_found');
    expectCode(() => getTranscript(db, profile.folder, storeArtifact(db, profile.folder, 'audio')), 'artifact_not_transcript');
    expectCode(() => getTranscript(db, profile.folder, storeTranscriptFile('{not json')), 'transcript_parse_failed');
    expectCode(() => getTranscript(db, profile.folder, storeTranscriptFile({ language: 'fr', segments: [] })), 'transcript_parse_failed');
    const fractional = { schema_version: '1.0.0', language: 'fr', segments: [{ t_start_ms: 0.5, t_end_ms: 1, text: 'a' }] };
    expectCode(() => getTranscript(db, profile.folder, storeTranscriptFile(fractional)), 'transcript_parse_failed');
  });
});

describe('importTranscript (json)', () => {
  it('stores the document in canonical compact form, blank segments dropped', () => {
    const audioId = audio(10);
    const input = {
      segments: [{ confidence: 0.5, text: ' bonjour ', t_end_ms: 900, t_start_ms: 0, unknown: true }, seg(900, 1000, ' \n ')],
      language: 'fr',
      schema_version: '1.0.0',
    };
    const { transcriptId } = importTranscript(db, profile.folder, { kind: 'json', audioArtifactId: audioId, document: input }, { now });
    expect(fileOf(transcriptId)).toBe(
      '{"schema_version":"1.0.0","language":"fr","model_id":null,"duration_ms":null,"segments":[{"t_start_ms":0,"t_end_ms":900,"text":" bonjour ","confidence":0.5}]}',
    );
    expect(metadataOf(transcriptId)).toEqual({ provider: 'import', source_audio_artifact_id: audioId });
    expect(getTranscript(db, profile.folder, transcriptId).segments).toHaveLength(1);
  });

  it.each([
    ['not an object', []],
    ['another schema version', doc([seg(0, 1, 'a')], { schema_version: '2.0.0' })],
    ['a one-letter language', doc([seg(0, 1, 'a')], { language: 'f' })],
    ['a negative time', doc([seg(-1, 1, 'a')])],
    ['a confidence above 1', { ...doc([]), segments: [{ ...seg(0, 1, 'a'), confidence: 1.5 }] }],
    ['an empty model id', doc([seg(0, 1, 'a')], { model_id: '' })],
  ])('refuses %s with transcript_parse_failed', (_name, document) => {
    expectCode(() => importTranscript(db, profile.folder, { kind: 'json', audioArtifactId: audio(1), document }, { now }), 'transcript_parse_failed');
  });

  it('takes the same document as JSON text, and refuses text that is not JSON with transcript_parse_failed', () => {
    const audioId = audio(10);
    const json = JSON.stringify(doc([seg(0, 900, 'bonjour')], { language: 'fr' }));
    const { transcriptId } = importTranscript(db, profile.folder, { kind: 'json-text', audioArtifactId: audioId, json }, { now });
    expect(getTranscript(db, profile.folder, transcriptId)).toMatchObject({ language: 'fr', segments: [{ text: 'bonjour', t_end_ms: 900 }] });
    const before = db.get(countArtifacts)?.n;
    expectCode(() => importTranscript(db, profile.folder, { kind: 'json-text', audioArtifactId: audioId, json: '{"schema_version":' }), 'transcript_parse_failed');
    expectCode(() => importTranscript(db, profile.folder, { kind: 'json-text', audioArtifactId: audioId, json: '[]' }), 'transcript_parse_failed');
    expect(db.get(countArtifacts)?.n).toBe(before);
  });

  it('refuses a transcript without any non-blank segment, and a missing or wrong audio artifact', () => {
    const audioId = audio(1);
    expectCode(() => importTranscript(db, profile.folder, { kind: 'json', audioArtifactId: audioId, document: doc([seg(0, 1, '  ')]) }), 'transcript_empty');
    expectCode(() => importTranscript(db, profile.folder, { kind: 'json', audioArtifactId: audioId, document: doc([]) }), 'transcript_empty');
    const document = doc([seg(0, 1, 'a')]);
    expectCode(() => importTranscript(db, profile.folder, { kind: 'json', audioArtifactId: 'art_missing', document }), 'artifact_not_found');
    const transcriptId = storeTranscriptFile(document);
    expectCode(() => importTranscript(db, profile.folder, { kind: 'json', audioArtifactId: transcriptId, document }), 'artifact_not_audio');
    expect(db.get(countArtifacts)?.n).toBe(2);
  });
});

describe('importTranscript (text)', () => {
  it('spreads one segment per line evenly over the audio duration', () => {
    const audioId = audio(3000);
    const { transcriptId } = importTranscript(
      db,
      profile.folder,
      { kind: 'text', audioArtifactId: audioId, text: 'one\r\n\n  two  \nthree', language: 'en' },
      { now },
    );
    expect(getTranscript(db, profile.folder, transcriptId)).toEqual({
      schema_version: '1.0.0',
      language: 'en',
      model_id: null,
      duration_ms: 3000,
      segments: [seg(0, 1000, 'one'), seg(1000, 2000, 'two'), seg(2000, 3000, 'three')],
    });
  });

  it('normalises the language and applies spoken punctuation only when asked', () => {
    const audioId = audio(100);
    const text = 'bonjour virgule retour a la ligne point';
    const read = (input: { language?: string | null; spokenPunctuation?: boolean }) =>
      getTranscript(db, profile.folder, importTranscript(db, profile.folder, { kind: 'text', audioArtifactId: audioId, text, ...input }).transcriptId);
    expect(read({ language: 'fr', spokenPunctuation: true }).segments[0]?.text).toBe('bonjour,\n.');
    expect(read({ language: 'fr' }).segments[0]?.text).toBe(text);
    const other = read({ language: 'de', spokenPunctuation: true });
    expect(other.language).toBe('auto');
    expect(other.segments[0]?.text).toBe(text);
    expect(read({ language: null }).language).toBe('auto');
  });

  it('gives every line at least one millisecond on a very short audio', () => {
    const audioId = importAudio(db, profile.folder, wavBytes({ samples: [1] }), { now }).artifactId;
    const { transcriptId } = importTranscript(db, profile.folder, { kind: 'text', audioArtifactId: audioId, text: 'a\nb' });
    expect(getTranscript(db, profile.folder, transcriptId)).toMatchObject({ duration_ms: 0, segments: [seg(0, 1, 'a'), seg(1, 2, 'b')] });
  });

  it('refuses blank text and an audio file that is not a usable WAV', () => {
    expectCode(() => importTranscript(db, profile.folder, { kind: 'text', audioArtifactId: audio(10), text: ' \n\r\n' }), 'transcript_empty');
    const bad = storeArtifact(db, profile.folder, 'audio', Buffer.from('not a wav'));
    expectCode(() => importTranscript(db, profile.folder, { kind: 'text', audioArtifactId: bad, text: 'a' }), 'wav_header');
  });
});

describe('saveEditedTranscript', () => {
  it('maps lines proportionally onto the source windows', () => {
    const source = storeTranscriptFile(doc([seg(0, 1000, 'a'), seg(1000, 2000, 'b'), seg(2000, 3000, 'c'), seg(3000, 6000, 'd')]));
    const { transcriptId } = saveEditedTranscript(db, profile.folder, source, 'first line\r\n\nsecond line\n', { now });
    expect(transcriptId).not.toBe(source);
    expect(fileOf(transcriptId)).toBe(
      '{"schema_version":"1.0.0","language":"fr","model_id":"tiny","duration_ms":6000,"segments":[{"t_start_ms":0,"t_end_ms":2000,"text":"first line","confidence":null},{"t_start_ms":2000,"t_end_ms":6000,"text":"second line","confidence":null}]}',
    );
    expect(metadataOf(transcriptId)).toEqual({
      edit_kind: 'manual',
      edited_at: '2026-03-01T10:00:00.001+00:00',
      source_duration_ms: 6000,
      source_language: 'fr',
      source_model_id: 'tiny',
      source_transcript_id: source,
    });
    expect(getTranscript(db, profile.folder, source).segments).toHaveLength(4);
  });

  it('gives extra lines 1 ms segments at the end when there are more lines than windows', () => {
    const source = storeTranscriptFile(doc([seg(0, 1000, 'a')], { duration_ms: 1000 }));
    const { transcriptId } = saveEditedTranscript(db, profile.folder, source, 'x\ny\nz', { now });
    expect(getTranscript(db, profile.folder, transcriptId).segments).toEqual([seg(0, 1000, 'x'), seg(999, 1000, 'y'), seg(999, 1000, 'z')]);
  });

  it('splits evenly without usable windows, taking the duration from the segments or the line count', () => {
    const noDuration = storeTranscriptFile(doc([seg(500, 500, 'a'), seg(900, 300, 'b')], { duration_ms: null }));
    const even = getTranscript(db, profile.folder, saveEditedTranscript(db, profile.folder, noDuration, 'x\ny\nz', { now }).transcriptId);
    expect(even).toMatchObject({ duration_ms: 500, segments: [seg(0, 166, 'x'), seg(166, 332, 'y'), seg(332, 500, 'z')] });
    const noSegments = storeTranscriptFile(doc([], { duration_ms: null, model_id: null }));
    const fromLines = getTranscript(db, profile.folder, saveEditedTranscript(db, profile.folder, noSegments, 'x\ny', { now }).transcriptId);
    expect(fromLines).toMatchObject({ model_id: null, duration_ms: 2000, segments: [seg(0, 1000, 'x'), seg(1000, 2000, 'y')] });
  });

  it('refuses blank text and a source that is not a transcript, storing nothing', () => {
    const source = storeTranscriptFile(doc([seg(0, 1, 'a')]));
    expectCode(() => saveEditedTranscript(db, profile.folder, source, ' \n \r\n', { now }), 'transcript_empty');
    expectCode(() => saveEditedTranscript(db, profile.folder, 'art_missing', 'x', { now }), 'artifact_not_found');
    expect(db.get(countArtifacts)?.n).toBe(1);
  });
});

describe('exportTranscript', () => {
  const exported = (id: string, format: 'txt' | 'json' | 'srt' | 'vtt') => {
    const { path } = exportTranscript(db, profile.folder, id, format);
    expect(path).toBe(join(profile.folder, 'exports', 'transcript', `${id}.${format}`));
    return readFileSync(path, 'utf8');
  };

  it('writes the four formats', () => {
    const id = storeTranscriptFile({ ...doc([seg(0, 1200, ' Bonjour\n à tous '), seg(3_599_999, 360_000_123, '  '), seg(-5, 10, 'fin')]), extra: true });
    expect(exported(id, 'txt')).toBe('Bonjour\n à tous fin');
    // The export keeps every stored segment, blank ones included (what the UI is shown leaves them out).
    const stored = { ...getTranscript(db, profile.folder, id), segments: [seg(0, 1200, ' Bonjour\n à tous '), seg(3_599_999, 360_000_123, '  '), seg(-5, 10, 'fin')] };
    expect(exported(id, 'json')).toBe(JSON.stringify(stored, null, 2));
    expect(exported(id, 'json')).not.toContain('extra');
    expect(exported(id, 'srt')).toBe(
      '1\n00:00:00,000 --> 00:00:01,200\nBonjour\n à tous\n\n2\n00:59:59,999 --> 100:00:00,123\n\n\n3\n00:00:00,000 --> 00:00:00,010\nfin\n\n',
    );
    expect(exported(id, 'vtt')).toBe(
      'WEBVTT\n\n00:00:00.000 --> 00:00:01.200\nBonjour\n à tous\n\n00:59:59.999 --> 100:00:00.123\n\n\n00:00:00.000 --> 00:00:00.010\nfin\n\n',
    );
  });

  it('overwrites an earlier export of the same format', () => {
    const id = storeTranscriptFile(doc([seg(0, 1, 'new')]));
    mkdirSync(join(profile.folder, 'exports', 'transcript'), { recursive: true });
    writeFileSync(join(profile.folder, 'exports', 'transcript', `${id}.txt`), 'old text, longer');
    expect(exported(id, 'txt')).toBe('new');
    expect(readdirSync(join(profile.folder, 'exports', 'transcript'))).toEqual([`${id}.txt`]);
  });

  it('refuses what cannot be exported', () => {
    const blank = storeTranscriptFile(doc([seg(0, 1, ' ')]));
    const empty = storeTranscriptFile(doc([]));
    expectCode(() => exportTranscript(db, profile.folder, blank, 'txt'), 'transcript_empty');
    expect(exported(blank, 'srt')).toBe('1\n00:00:00,000 --> 00:00:00,001\n\n\n');
    expectCode(() => exportTranscript(db, profile.folder, empty, 'srt'), 'transcript_empty');
    expectCode(() => exportTranscript(db, profile.folder, empty, 'vtt'), 'transcript_empty');
    expect(exported(empty, 'json')).toContain('"segments": []');
    expectCode(() => exportTranscript(db, profile.folder, blank, 'pdf' as 'txt'), 'transcript_format_invalid');
    expectCode(() => exportTranscript(db, profile.folder, 'art_missing', 'txt'), 'artifact_not_found');
  });
});
