import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { readTranscriptDocument, type TranscriptV1 } from '@lepupitre/domain-primitives';
import { attemptAnalysisInput, loadTranscript, runAnalysisInput, runEstimatedSec } from '../src';
import { addArtifactRow, openProfileWorld, removeWorlds, storeArtifact, transcriptJson, type ProfileWorld } from './support/profile-world';

afterAll(removeWorlds);

const code = (c: string) => expect.objectContaining({ code: c });
const bytes = (text: string): Buffer => Buffer.from(text, 'utf8');

function transcript(segments: readonly { t_end_ms: number; text: string }[], durationMs: number | null = null): TranscriptV1 {
  return readTranscriptDocument(bytes(transcriptJson(segments, durationMs)));
}

describe('speaking time of a run', () => {
  it('estimates a run from its last segment end, rounded up, ignoring duration_ms (docs/compatibility.md#feedback-6)', () => {
    const t = transcript(
      [
        { t_end_ms: 93_120, text: 'a' },
        { t_end_ms: 40_000, text: 'b' },
      ],
      5_000,
    );
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
    const rowOnly = addArtifactRow(world, 'transcript');
    expect(() => loadTranscript(world.db, world.folder, rowOnly)).toThrow(code('artifact_read_failed'));
    const broken = storeArtifact(world, 'transcript', '{"segments":');
    expect(() => loadTranscript(world.db, world.folder, broken)).toThrow(code('transcript_parse_failed'));
    const blank = storeArtifact(world, 'transcript', transcriptJson([{ t_end_ms: 1, text: '   ' }]));
    expect(() => runAnalysisInput(world.db, world.folder, blank)).toThrow(code('transcript_empty'));
  });

  it('refuses a transcript path that leaves the profile folder, directly or through a symlink', () => {
    const escaping = addArtifactRow(world, 'transcript', '../outside.json');
    expect(() => loadTranscript(world.db, world.folder, escaping)).toThrow(code('artifact_path_not_allowed'));

    const outside = join(world.folder, '..', `${basename(world.folder)}-outside`);
    mkdirSync(outside, { recursive: true });
    try {
      writeFileSync(join(outside, 't.json'), transcriptJson([{ t_end_ms: 1, text: 'secret' }]));
      mkdirSync(join(world.folder, 'artifacts'), { recursive: true });
      symlinkSync(outside, join(world.folder, 'artifacts', 'linked'));
      const linked = addArtifactRow(world, 'transcript', 'artifacts/linked/t.json');
      expect(() => loadTranscript(world.db, world.folder, linked)).toThrow(code('artifact_path_not_allowed'));
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
