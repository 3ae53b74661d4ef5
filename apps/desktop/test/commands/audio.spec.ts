import { ArtifactStore } from '@lepupitre/db-core';
import { submitAudioAttempt } from '@lepupitre/repo-quest';
import { createProject } from '@lepupitre/repo-talk';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { MAX_IMPORTED_WAV_BASE64_CHARS } from '../../src/commands/audio';
import type { ProfileSession } from '../../src/commands/command-context';
import type { CommandWorld } from '../support/command-world';
import { expectInvalid, expectRejected } from '../support/expectations';
import { seedMediaRun, storeAudio } from '../support/media-fixtures';
import { wavBytes } from '../support/wav-bytes';
import { useProfileWorld } from '../support/worlds';

type StoredAudio = { path: string; artifactId: string; bytes: number; sha256: string; durationMs: number };

const STORED_AUDIO_KEYS = ['path', 'artifactId', 'bytes', 'sha256', 'durationMs'];

describe('audio commands', () => {
  let world: CommandWorld;
  let profileId: string;
  let session: ProfileSession;
  const profileWorld = useProfileWorld();
  beforeEach(() => ({ world, profileId, session } = profileWorld()));

  const artifact = (id: string) => {
    const { db, dir } = world.host.connections.profile(profileId);
    return new ArtifactStore(db, dir).get(id);
  };

  describe('audio_import_wav', () => {
    it('stores the WAV as an audio artifact and answers like recording_stop, in camelCase', async () => {
      const wav = wavBytes({ samples: 24000 });
      const stored = await world.ok<StoredAudio>('audio_import_wav', { profileId, wavBase64: wav.toString('base64') });
      expect(Object.keys(stored)).toEqual(STORED_AUDIO_KEYS);
      expect(stored).toEqual({
        path: join(world.host.connections.profile(profileId).dir, 'artifacts', 'audio', `${stored.artifactId}.wav`),
        artifactId: expect.stringMatching(/^art_[0-9a-f]{32}$/),
        bytes: wav.length,
        sha256: createHash('sha256').update(wav).digest('hex'),
        durationMs: 1500,
      });
      expect(isAbsolute(stored.path)).toBe(true);
      expect(readFileSync(stored.path)).toEqual(wav);
      expect(artifact(stored.artifactId)).toMatchObject({ type: 'audio', metadataJson: '{"channels":1,"format":"wav","sample_rate_hz":16000,"source":"upload"}' });
    });

    it.each([
      [{ wavBase64: 'UklGRg==' }, 'profileId'],
      [{ profileId: '', wavBase64: 'UklGRg==' }, 'profileId'],
      [{ profileId: 'p' }, 'wavBase64'],
      [{ profileId: 'p', wavBase64: '' }, 'wavBase64'],
      [{ profileId: 'p', wavBase64: 'not base64!' }, 'wavBase64'],
      [{ profileId: 'p', wavBase64: 'UklGR' }, 'wavBase64'],
      [{ profileId: 'p', wavBase64: 42 }, 'wavBase64'],
    ])('refuses the payload %j (IPC_INVALID_PAYLOAD naming %s)', async (payload, field) => {
      await expectInvalid(world, 'audio_import_wav', payload, field);
    });

    it('refuses a payload that is not an object', async () => {
      await expectInvalid(world, 'audio_import_wav', ['p', 'UklGRg=='], '(payload)');
    });

    it('takes up to exactly what a review pack can carry (64 MiB) and refuses one byte more before decoding it', async () => {
      expect(MAX_IMPORTED_WAV_BASE64_CHARS).toBe(89_478_488);
      // 64 MiB exactly (two padding characters): past the schema, refused by the WAV reader.
      const exact = await world.fail('audio_import_wav', { profileId, wavBase64: `${'A'.repeat(MAX_IMPORTED_WAV_BASE64_CHARS - 2)}==` });
      expect(exact.code).toBe('wav_header');
      // One byte more fits in the same number of characters: the decoded size is what counts.
      await expectInvalid(world, 'audio_import_wav', { profileId, wavBase64: `${'A'.repeat(MAX_IMPORTED_WAV_BASE64_CHARS - 1)}=` }, 'wavBase64');
      await expectInvalid(world, 'audio_import_wav', { profileId, wavBase64: 'A'.repeat(MAX_IMPORTED_WAV_BASE64_CHARS + 4) }, 'wavBase64');
    });

    it('keeps the WAV reader codes and writes nothing on refusal', async () => {
      const wav = (bytes: Buffer) => ({ profileId, wavBase64: bytes.toString('base64') });
      await expectRejected(world, 'audio_import_wav', { ...wav(wavBytes()), profileId: 'prof_missing' }, 'profile_not_found');
      await expectRejected(world, 'audio_import_wav', wav(Buffer.from('RIFF not really a wav')), 'wav_header');
      await expectRejected(world, 'audio_import_wav', wav(wavBytes({ channels: 2 })), 'wav_format');
      await expectRejected(world, 'audio_import_wav', wav(wavBytes({ sampleRate: 44100 })), 'wav_sample_rate');
      await expectRejected(world, 'audio_import_wav', wav(wavBytes().subarray(0, 100)), 'wav_data');
    });
  });

  describe('audio_trim_wav', () => {
    it('stores the clamped range as a new audio artifact, the source untouched', async () => {
      const source = storeAudio(session, 2000);
      const sourceBytes = readFileSync(source.path);
      const trimmed = await world.ok<StoredAudio>('audio_trim_wav', { profileId, audioArtifactId: source.artifactId, startMs: 500, endMs: 9000 });
      expect(Object.keys(trimmed)).toEqual(STORED_AUDIO_KEYS);
      expect(trimmed).toMatchObject({ artifactId: expect.stringMatching(/^art_/), durationMs: 1500, bytes: 44 + 24000 * 2 });
      expect(trimmed.artifactId).not.toBe(source.artifactId);
      expect(readFileSync(trimmed.path).subarray(44)).toEqual(sourceBytes.subarray(44 + 8000 * 2));
      expect(readFileSync(source.path)).toEqual(sourceBytes);
      expect(JSON.parse(artifact(trimmed.artifactId)?.metadataJson ?? '{}')).toMatchObject({ source_audio_artifact_id: source.artifactId, trim_start_ms: 500, trim_end_ms: 2000 });
    });

    it.each([
      [{ audioArtifactId: 'a', startMs: 0, endMs: 1 }, 'profileId'],
      [{ profileId: 'p', startMs: 0, endMs: 1 }, 'audioArtifactId'],
      [{ profileId: 'p', audioArtifactId: '', startMs: 0, endMs: 1 }, 'audioArtifactId'],
      [{ profileId: 'p', audioArtifactId: 'a', endMs: 1 }, 'startMs'],
      [{ profileId: 'p', audioArtifactId: 'a', startMs: -1, endMs: 1 }, 'startMs'],
      [{ profileId: 'p', audioArtifactId: 'a', startMs: 0.5, endMs: 1 }, 'startMs'],
      [{ profileId: 'p', audioArtifactId: 'a', startMs: 0, endMs: '10' }, 'endMs'],
      [{ profileId: 'p', audioArtifactId: 'a', startMs: 0, endMs: Number.MAX_SAFE_INTEGER + 2 }, 'endMs'],
    ])('refuses the payload %j (IPC_INVALID_PAYLOAD naming %s)', async (payload, field) => {
      await expectInvalid(world, 'audio_trim_wav', payload, field);
    });

    it('keeps the domain codes and writes nothing on refusal', async () => {
      const source = storeAudio(session, 1000);
      const run = seedMediaRun(world, profileId);
      const trim = (audioArtifactId: string, startMs: number, endMs: number) => ({ profileId, audioArtifactId, startMs, endMs });
      await expectRejected(world, 'audio_trim_wav', { ...trim(source.artifactId, 0, 10), profileId: 'prof_missing' }, 'profile_not_found');
      await expectRejected(world, 'audio_trim_wav', trim('art_missing', 0, 10), 'artifact_not_found');
      await expectRejected(world, 'audio_trim_wav', trim(run.transcriptId, 0, 10), 'artifact_not_audio');
      // The range is checked after clamping to the audio, with the previous code.
      await expectRejected(world, 'audio_trim_wav', trim(source.artifactId, 10, 10), 'trim_range_invalid');
      await expectRejected(world, 'audio_trim_wav', trim(source.artifactId, 300, 100), 'trim_range_invalid');
      await expectRejected(world, 'audio_trim_wav', trim(source.artifactId, 5000, 9000), 'trim_range_invalid');
      const empty = storeAudio(session, 0);
      await expectRejected(world, 'audio_trim_wav', trim(empty.artifactId, 0, 10), 'trim_source_empty');
    });
  });

  describe('voice_memo_delete', () => {
    it('deletes the memo artifact, row and file, and answers null', async () => {
      const kept = storeAudio(session);
      const memo = storeAudio(session);
      expect(await world.ok('voice_memo_delete', { path: memo.path })).toBeNull();
      expect(existsSync(memo.path)).toBe(false);
      expect(artifact(memo.artifactId)).toBeUndefined();
      expect(existsSync(kept.path)).toBe(true);
      expect(artifact(kept.artifactId)).toBeDefined();
    });

    it.each([
      [{}, 'path'],
      [{ path: '' }, 'path'],
      [{ path: ['a'] }, 'path'],
    ])('refuses the payload %j (IPC_INVALID_PAYLOAD naming %s)', async (payload, field) => {
      await expectInvalid(world, 'voice_memo_delete', payload, field);
    });

    it('refuses anything but an unused audio artifact of an existing profile, deleting nothing', async () => {
      const memo = storeAudio(session);
      const run = seedMediaRun(world, profileId);
      const { dir } = world.host.connections.profile(profileId);
      const transcriptPath = join(dir, 'artifacts', 'transcript', `${run.transcriptId}.json`);
      await expectRejected(world, 'voice_memo_delete', { path: join(dir, 'profile.db') }, 'path_not_allowed');
      await expectRejected(world, 'voice_memo_delete', { path: transcriptPath }, 'path_not_allowed');
      await expectRejected(world, 'voice_memo_delete', { path: join(world.dataDir, 'global.db') }, 'path_not_allowed');
      await expectRejected(world, 'voice_memo_delete', { path: 'artifacts/audio/x.wav' }, 'path_not_allowed');
      // Same profile folder name, another data folder: not this profile's file.
      await expectRejected(world, 'voice_memo_delete', { path: join('/elsewhere', profileId, 'artifacts', 'audio', `${memo.artifactId}.wav`) }, 'path_not_allowed');
      await expectRejected(world, 'voice_memo_delete', { path: join(world.dataDir, 'profiles', 'prof_missing', 'artifacts', 'audio', 'art_1.wav') }, 'profile_not_found');
      await expectRejected(world, 'voice_memo_delete', { path: join(dir, 'artifacts', 'audio', 'art_missing.wav') }, 'artifact_not_found');
      // A rehearsal's recording is not a memo: deleting it would unlink the run.
      await expectRejected(world, 'voice_memo_delete', { path: run.audioPath }, 'audio_in_use');
      // Nor is a quest attempt's: the quest side's check runs in the same unit.
      const attemptAudio = storeAudio(session);
      const projectId = createProject(session.db, { title: 'Quests' });
      submitAudioAttempt(session.db, { projectId, questCode: 'D01', audioArtifactId: attemptAudio.artifactId, transcriptId: null });
      await expectRejected(world, 'voice_memo_delete', { path: attemptAudio.path }, 'audio_in_use');
      expect(existsSync(attemptAudio.path)).toBe(true);
    });
  });
});
