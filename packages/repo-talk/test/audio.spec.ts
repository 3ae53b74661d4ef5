import { ArtifactStore, type DatabaseHandle } from '@lepupitre/db-core';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { createProject, createRun, finishRun, getRun, importAudio, importEstimatedAudio, trimAudio } from '../src';
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

const artifact = (id: string) => new ArtifactStore(db, profile.folder).get(id);

describe('importAudio', () => {
  it('stores a valid WAV as an audio artifact and answers like recording_stop', () => {
    const bytes = wavBytes({ samples: rampSamples(24000) });
    const stored = importAudio(db, profile.folder, bytes, { now });
    expect(stored.artifactId).toMatch(/^art_[0-9a-f]{32}$/);
    expect(isAbsolute(stored.path)).toBe(true);
    expect(stored.path).toBe(join(profile.folder, 'artifacts', 'audio', `${stored.artifactId}.wav`));
    expect(readFileSync(stored.path)).toEqual(bytes);
    expect(stored).toMatchObject({ bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), durationMs: 1500 });
    expect(artifact(stored.artifactId)).toMatchObject({
      type: 'audio',
      localRelpath: `artifacts/audio/${stored.artifactId}.wav`,
      bytes: bytes.length,
      createdAt: '2026-03-01T10:00:00.001+00:00',
      metadataJson: '{"channels":1,"format":"wav","sample_rate_hz":16000,"source":"upload"}',
    });
  });

  it('stores the canonical file: bytes after the data and an odd final byte are dropped', () => {
    const samples = rampSamples(10);
    const stored = importAudio(db, profile.folder, wavBytes({ samples, dataSize: 21, trailing: [7, 1, 2, 3] }), { now });
    const canonical = wavBytes({ samples });
    expect(readFileSync(stored.path)).toEqual(canonical);
    expect(stored.bytes).toBe(canonical.length);
    expect(stored.sha256).toBe(createHash('sha256').update(canonical).digest('hex'));
  });

  it('is interchangeable with a recording for run_finish', () => {
    const runId = createRun(db, createProject(db, { title: 'T' }, { now }), { now });
    const { artifactId } = importAudio(db, profile.folder, wavBytes({ samples: [1, 2] }), { now });
    finishRun(db, runId, artifactId);
    expect(getRun(db, runId)?.audio_artifact_id).toBe(artifactId);
  });

  it.each([
    ['too short', Buffer.from('RIFF'), 'wav_header'],
    ['not RIFF', Buffer.concat([Buffer.from('RIFX'), wavBytes().subarray(4)]), 'wav_header'],
    ['stereo', wavBytes({ channels: 2 }), 'wav_format'],
    ['8-bit', wavBytes({ bits: 8 }), 'wav_format'],
    ['float', wavBytes({ format: 3 }), 'wav_format'],
    ['44.1 kHz', wavBytes({ sampleRate: 44100 }), 'wav_sample_rate'],
    ['an extra chunk before the data', wavBytes({ dataChunkId: 'LIST' }), 'wav_data'],
    ['data shorter than declared', wavBytes({ samples: [1, 2], dataSize: 8 }), 'wav_data'],
  ])('refuses %s with the reader code, storing nothing', (_name, bytes, code) => {
    expectCode(() => importAudio(db, profile.folder, bytes, { now }), code);
    expect(db.get(countArtifacts)?.n).toBe(0);
  });
});

describe('importEstimatedAudio', () => {
  it('stores silence as long as saying the words takes at 130 words a minute, marked as an estimate', () => {
    const { audio, estimatedPaceWpm } = importEstimatedAudio(db, profile.folder, 130, { now });
    expect({ durationMs: audio.durationMs, estimatedPaceWpm }).toEqual({ durationMs: 60_000, estimatedPaceWpm: 130 });
    const bytes = readFileSync(audio.path);
    expect(bytes.length).toBe(44 + 60 * 16000 * 2);
    expect(bytes.subarray(44).every((byte) => byte === 0)).toBe(true);
    expect(artifact(audio.artifactId)?.metadataJson).toBe('{"channels":1,"format":"wav","sample_rate_hz":16000,"source":"estimate"}');
  });

  it('lasts one second to five minutes, the pace saying what that silence stands for', () => {
    expect(importEstimatedAudio(db, profile.folder, 1, { now })).toMatchObject({ audio: { durationMs: 1000 }, estimatedPaceWpm: 60 });
    expect(importEstimatedAudio(db, profile.folder, 1300, { now })).toMatchObject({ audio: { durationMs: 300_000 }, estimatedPaceWpm: 260 });
  });

  it('refuses a text without a word before writing anything', () => {
    const before = db.get(countArtifacts)?.n;
    expectCode(() => importEstimatedAudio(db, profile.folder, 0, { now }), 'transcript_empty');
    expect(db.get(countArtifacts)?.n).toBe(before);
  });
});

describe('trimAudio', () => {
  it('clamps the range and stores a new artifact, leaving the source as it was', () => {
    const source = importAudio(db, profile.folder, wavBytes({ samples: rampSamples(16000) }), { now });
    const trimmed = trimAudio(db, profile.folder, { audioArtifactId: source.artifactId, startMs: -500, endMs: 5000 }, { now });
    expect(trimmed.artifactId).not.toBe(source.artifactId);
    expect(readFileSync(trimmed.path)).toEqual(wavBytes({ samples: rampSamples(16000) }));
    expect(trimmed.durationMs).toBe(1000);
    expect(artifact(trimmed.artifactId)?.metadataJson).toBe(
      `{"channels":1,"format":"wav","sample_rate_hz":16000,"source_audio_artifact_id":"${source.artifactId}","trim_end_ms":1000,"trim_kind":"range_ms","trim_start_ms":0}`,
    );
    expect(readFileSync(source.path)).toEqual(wavBytes({ samples: rampSamples(16000) }));
  });

  it('keeps samples [floor(start·16), ceil(end·16))', () => {
    const source = importAudio(db, profile.folder, wavBytes({ samples: rampSamples(32000) }), { now });
    const trimmed = trimAudio(db, profile.folder, { audioArtifactId: source.artifactId, startMs: 250, endMs: 500 }, { now });
    expect(readFileSync(trimmed.path)).toEqual(wavBytes({ samples: rampSamples(8000).slice(4000) }));
    expect(trimmed).toMatchObject({ durationMs: 250, bytes: 44 + 4000 * 2 });
  });

  it('refuses unknown and non-audio artifacts', () => {
    const transcript = storeArtifact(db, profile.folder, 'transcript');
    expectCode(() => trimAudio(db, profile.folder, { audioArtifactId: 'art_missing', startMs: 0, endMs: 10 }), 'artifact_not_found');
    expectCode(() => trimAudio(db, profile.folder, { audioArtifactId: transcript, startMs: 0, endMs: 10 }), 'artifact_not_audio');
  });

  it('refuses an empty source and an empty range', () => {
    const empty = importAudio(db, profile.folder, wavBytes(), { now });
    const second = importAudio(db, profile.folder, wavBytes({ samples: rampSamples(16000) }), { now });
    expectCode(() => trimAudio(db, profile.folder, { audioArtifactId: empty.artifactId, startMs: 0, endMs: 10 }), 'trim_source_empty');
    expectCode(() => trimAudio(db, profile.folder, { audioArtifactId: second.artifactId, startMs: 2000, endMs: 3000 }), 'trim_range_invalid');
    expectCode(() => trimAudio(db, profile.folder, { audioArtifactId: second.artifactId, startMs: 600, endMs: 600 }), 'trim_range_invalid');
    expectCode(() => trimAudio(db, profile.folder, { audioArtifactId: second.artifactId, startMs: 0.5, endMs: 600 }), 'trim_range_invalid');
    expect(db.get(countArtifacts)?.n).toBe(2);
  });

  it('refuses a stored file that is not a usable WAV, and a missing file', () => {
    const bad = storeArtifact(db, profile.folder, 'audio', wavBytes({ sampleRate: 48000, samples: [1] }));
    expectCode(() => trimAudio(db, profile.folder, { audioArtifactId: bad, startMs: 0, endMs: 10 }), 'wav_sample_rate');
    const gone = importAudio(db, profile.folder, wavBytes({ samples: rampSamples(100) }), { now });
    rmSync(gone.path);
    expectCode(() => trimAudio(db, profile.folder, { audioArtifactId: gone.artifactId, startMs: 0, endMs: 3 }), 'artifact_read_failed');
  });
});
