import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
  attemptAnalysisInput,
  loadTranscript,
  parseTranscript,
  runAnalysisInput,
  runEstimatedSec,
  transcriptMaxEndMs,
  transcriptText,
  type TranscriptV1,
} from '../src';
import { addArtifactRow, openProfileWorld, removeWorlds, storeArtifact, transcriptJson, type ProfileWorld } from './support/profile-world';

afterAll(removeWorlds);

const code = (c: string) => expect.objectContaining({ code: c });
const bytes = (text: string): Buffer => Buffer.from(text, 'utf8');

function transcript(segments: readonly { t_end_ms: number; text: string }[], durationMs: number | null = null): TranscriptV1 {
  return parseTranscript(bytes(transcriptJson(segments, durationMs)));
}

describe('transcript documents (TranscriptV1)', () => {
  it('reads the stored form, dropping unknown fields', () => {
    const parsed = parseTranscript(
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
    const parsed = parseTranscript(bytes('{"schema_version":"9","language":"en","segments":[{"t_start_ms":1,"t_end_ms":2,"text":"x","confidence":0.5}]}'));
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
    expect(() => parseTranscript(bytes(text))).toThrow(code('transcript_parse_failed'));
  });

  it('refuses bytes that are not UTF-8', () => {
    expect(() => parseTranscript(Buffer.from([0x7b, 0xff, 0x7d]))).toThrow(code('transcript_parse_failed'));
  });
});

describe('transcript text and duration (§1.2, §1.1)', () => {
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

  it('estimates a run from its last segment end, rounded up, ignoring duration_ms (quirk 6)', () => {
    const t = transcript(
      [
        { t_end_ms: 93_120, text: 'a' },
        { t_end_ms: 40_000, text: 'b' },
      ],
      5_000,
    );
    expect(transcriptMaxEndMs(t)).toBe(93_120);
    expect(runEstimatedSec(t)).toBe(94);
    expect(runEstimatedSec(transcript([{ t_end_ms: 2000, text: 'a' }]))).toBe(2);
  });

  it('falls back to 600 s without segments or without a positive end', () => {
    expect(runEstimatedSec(transcript([], 90_000))).toBe(600);
    expect(runEstimatedSec(transcript([{ t_end_ms: 0, text: 'a' }]))).toBe(600);
    expect(runEstimatedSec(transcript([{ t_end_ms: -5, text: 'a' }]))).toBe(600);
  });
});

describe('loading transcripts for analysis', () => {
  let world: ProfileWorld;
  beforeEach(() => {
    world = openProfileWorld();
  });
  afterEach(() => world.db.close());

  it('gives a run its transcript text and speaking time', () => {
    const id = storeArtifact(world, 'transcript', transcriptJson([{ t_end_ms: 61_001, text: ' Hello world. ' }]));
    expect(runAnalysisInput(world.db, world.folder, id)).toEqual({ text: 'Hello world.', estimatedSec: 62 });
    expect(loadTranscript(world.db, world.folder, id).segments).toHaveLength(1);
  });

  it('refuses a run without a transcript', () => {
    expect(() => runAnalysisInput(world.db, world.folder, null)).toThrow(code('run_missing_transcript'));
  });

  it('gives an attempt its written answer verbatim, even empty, with the quest duration', () => {
    const transcriptId = storeArtifact(world, 'transcript', transcriptJson([{ t_end_ms: 1, text: 'spoken' }]));
    expect(attemptAnalysisInput(world.db, world.folder, { outputText: '  typed  ', transcriptId, estimatedSec: 45 })).toEqual({
      text: '  typed  ',
      estimatedSec: 45,
      source: 'text',
    });
    expect(attemptAnalysisInput(world.db, world.folder, { outputText: '', transcriptId: null, estimatedSec: 45 })).toEqual({
      text: '',
      estimatedSec: 45,
      source: 'text',
    });
  });

  it('gives an audio attempt its transcript text, still with the quest duration', () => {
    const transcriptId = storeArtifact(world, 'transcript', transcriptJson([{ t_end_ms: 999_000, text: 'spoken' }]));
    expect(attemptAnalysisInput(world.db, world.folder, { outputText: null, transcriptId, estimatedSec: 45 })).toEqual({
      text: 'spoken',
      estimatedSec: 45,
      source: 'transcript',
    });
  });

  it('refuses an attempt with neither text nor transcript', () => {
    expect(() => attemptAnalysisInput(world.db, world.folder, { outputText: null, transcriptId: null, estimatedSec: 45 })).toThrow(
      code('attempt_missing_text'),
    );
  });

  it('reports an unknown artifact, a wrong type, a missing file and a bad document', () => {
    expect(() => loadTranscript(world.db, world.folder, 'art_missing')).toThrow(code('artifact_not_found'));
    const audio = storeArtifact(world, 'audio', 'RIFF', 'wav');
    expect(() => loadTranscript(world.db, world.folder, audio)).toThrow(code('artifact_not_transcript'));
    const rowOnly = addArtifactRow(world.db, 'transcript');
    expect(() => loadTranscript(world.db, world.folder, rowOnly)).toThrow(code('artifact_read_failed'));
    const broken = storeArtifact(world, 'transcript', '{"segments":');
    expect(() => loadTranscript(world.db, world.folder, broken)).toThrow(code('transcript_parse_failed'));
    const blank = storeArtifact(world, 'transcript', transcriptJson([{ t_end_ms: 1, text: '   ' }]));
    expect(() => runAnalysisInput(world.db, world.folder, blank)).toThrow(code('transcript_empty'));
  });

  it('refuses a transcript path that leaves the profile folder, directly or through a symlink', () => {
    const escaping = addArtifactRow(world.db, 'transcript', '../outside.json');
    expect(() => loadTranscript(world.db, world.folder, escaping)).toThrow(code('artifact_path_not_allowed'));

    const outside = join(world.folder, '..', `${basename(world.folder)}-outside`);
    mkdirSync(outside, { recursive: true });
    try {
      writeFileSync(join(outside, 't.json'), transcriptJson([{ t_end_ms: 1, text: 'secret' }]));
      mkdirSync(join(world.folder, 'artifacts'), { recursive: true });
      symlinkSync(outside, join(world.folder, 'artifacts', 'linked'));
      const linked = addArtifactRow(world.db, 'transcript', 'artifacts/linked/t.json');
      expect(() => loadTranscript(world.db, world.folder, linked)).toThrow(code('artifact_path_not_allowed'));
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
