import { ArtifactStore } from '@lepupitre/db-core';
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { CommandWorld } from '../support/command-world';
import { expectInvalid, expectRejected } from '../support/expectations';
import { storeAudio, transcriptDocument } from '../support/media-fixtures';
import { useProfileWorld } from '../support/worlds';

type Transcript = {
  schema_version: string;
  language: string;
  model_id: string | null;
  duration_ms: number | null;
  segments: { t_start_ms: number; t_end_ms: number; text: string; confidence: number | null }[];
};

describe('transcription commands', () => {
  let world: CommandWorld;
  let profileId: string;
  let audioArtifactId: string;
  // Built once, copied for each test: a profile with two seconds of audio to transcribe.
  const profileWorld = useProfileWorld(({ session }) => ({ audioArtifactId: storeAudio(session, 2000).artifactId }));
  beforeEach(() => ({ world, profileId, audioArtifactId } = profileWorld()));

  const importJson = (document: unknown = transcriptDocument()): Promise<{ transcriptId: string }> =>
    world.ok('transcript_import', { profileId, audioArtifactId, format: 'json', content: JSON.stringify(document) });

  describe('transcript_import', () => {
    it('stores a TranscriptV1 document and answers { transcriptId } in camelCase', async () => {
      const imported = await importJson({ ...transcriptDocument(), extra: 'dropped' });
      expect(Object.keys(imported)).toEqual(['transcriptId']);
      expect(imported.transcriptId).toMatch(/^art_[0-9a-f]{32}$/);
      const { db, dir } = world.host.connections.profile(profileId);
      const artifact = new ArtifactStore(db, dir).get(imported.transcriptId);
      expect(artifact).toMatchObject({ type: 'transcript', metadataJson: `{"provider":"import","source_audio_artifact_id":"${audioArtifactId}"}` });
      expect(readFileSync(join(dir, artifact?.localRelpath ?? '')).toString('utf8')).toBe(JSON.stringify(transcriptDocument()));
    });

    it('splits plain text over the audio, with the language and spoken punctuation asked for', async () => {
      const { transcriptId } = await world.ok<{ transcriptId: string }>('transcript_import', {
        profileId,
        audioArtifactId,
        format: 'text',
        content: 'bonjour virgule tout le monde\n\n  merci point  ',
        language: 'fr',
        spokenPunctuation: true,
      });
      expect(await world.ok('transcript_get', { profileId, transcriptId })).toEqual({
        schema_version: '1.0.0',
        language: 'fr',
        model_id: null,
        duration_ms: 2000,
        segments: [
          { t_start_ms: 0, t_end_ms: 1000, text: 'bonjour, tout le monde', confidence: null },
          { t_start_ms: 1000, t_end_ms: 2000, text: 'merci.', confidence: null },
        ],
      });
    });

    it('takes absent or null options as auto, no punctuation, and ignores them for json', async () => {
      const plain = await world.ok<{ transcriptId: string }>('transcript_import', {
        profileId,
        audioArtifactId,
        format: 'text',
        content: 'one comma two',
        language: null,
        spokenPunctuation: null,
      });
      expect(await world.ok<Transcript>('transcript_get', { profileId, transcriptId: plain.transcriptId })).toMatchObject({
        language: 'auto',
        segments: [{ text: 'one comma two' }],
      });
      const json = await world.ok<{ transcriptId: string }>('transcript_import', {
        profileId,
        audioArtifactId,
        format: 'json',
        content: JSON.stringify(transcriptDocument()),
        language: 'fr',
        spokenPunctuation: true,
      });
      expect(await world.ok<Transcript>('transcript_get', { profileId, transcriptId: json.transcriptId })).toMatchObject({ language: 'en' });
    });

    it.each([
      [{ audioArtifactId: 'art_x', format: 'json', content: '{}' }, 'profileId'],
      [{ profileId: 'p', format: 'json', content: '{}' }, 'audioArtifactId'],
      [{ profileId: 'p', audioArtifactId: '', format: 'json', content: '{}' }, 'audioArtifactId'],
      [{ profileId: 'p', audioArtifactId: 'a', format: 'srt', content: '{}' }, 'format'],
      [{ profileId: 'p', audioArtifactId: 'a', format: 'json' }, 'content'],
      [{ profileId: 'p', audioArtifactId: 'a', format: 'json', content: { schema_version: '1.0.0' } }, 'content'],
      [{ profileId: 'p', audioArtifactId: 'a', format: 'text', content: 'x', language: 3 }, 'language'],
      [{ profileId: 'p', audioArtifactId: 'a', format: 'text', content: 'x', spokenPunctuation: 'yes' }, 'spokenPunctuation'],
    ])('refuses the payload %j (IPC_INVALID_PAYLOAD naming %s)', async (payload, field) => {
      await expectInvalid(world, 'transcript_import', payload, field);
    });

    it('refuses a payload that is not an object', async () => {
      await expectInvalid(world, 'transcript_import', 'transcript', '(payload)');
    });

    it('keeps the domain codes and writes nothing on refusal', async () => {
      const { transcriptId } = await importJson();
      const json = (content: string, audio = audioArtifactId) => ({ profileId, audioArtifactId: audio, format: 'json', content });
      await expectRejected(world, 'transcript_import', { ...json('{}'), profileId: 'prof_missing' }, 'profile_not_found');
      await expectRejected(world, 'transcript_import', json('{}', 'art_missing'), 'artifact_not_found');
      await expectRejected(world, 'transcript_import', json(JSON.stringify(transcriptDocument()), transcriptId), 'artifact_not_audio');
      await expectRejected(world, 'transcript_import', json('{"schema_version":'), 'transcript_parse_failed');
      await expectRejected(world, 'transcript_import', json(JSON.stringify({ ...transcriptDocument(), schema_version: '2.0.0' })), 'transcript_parse_failed');
      await expectRejected(world, 'transcript_import', json(JSON.stringify(transcriptDocument([' ', '']))), 'transcript_empty');
      await expectRejected(world, 'transcript_import', { profileId, audioArtifactId, format: 'text', content: ' \n\t\n' }, 'transcript_empty');
    });
  });

  describe('transcript_get', () => {
    it('returns TranscriptV1 in snake_case with explicit nulls', async () => {
      const { transcriptId } = await importJson({ ...transcriptDocument(), model_id: undefined, duration_ms: undefined });
      const transcript = await world.ok<Transcript>('transcript_get', { profileId, transcriptId });
      expect(Object.keys(transcript)).toEqual(['schema_version', 'language', 'model_id', 'duration_ms', 'segments']);
      expect(transcript).toMatchObject({ model_id: null, duration_ms: null });
      expect(Object.keys(transcript.segments[0] ?? {})).toEqual(['t_start_ms', 't_end_ms', 'text', 'confidence']);
    });

    it.each([
      [{ transcriptId: 'art_x' }, 'profileId'],
      [{ profileId: 'p' }, 'transcriptId'],
      [{ profileId: 'p', transcriptId: '' }, 'transcriptId'],
      [{ profileId: 7, transcriptId: 'art_x' }, 'profileId'],
    ])('refuses the payload %j (IPC_INVALID_PAYLOAD naming %s)', async (payload, field) => {
      await expectInvalid(world, 'transcript_get', payload, field);
    });

    it('keeps the domain codes', async () => {
      const { transcriptId } = await importJson();
      expect(await world.fail('transcript_get', { profileId: 'prof_missing', transcriptId })).toMatchObject({ code: 'profile_not_found' });
      expect(await world.fail('transcript_get', { profileId, transcriptId: 'art_missing' })).toMatchObject({ code: 'artifact_not_found' });
      expect(await world.fail('transcript_get', { profileId, transcriptId: audioArtifactId })).toMatchObject({ code: 'artifact_not_transcript' });
    });

    it('answers transcript_empty for a stored transcript without segments, which the UI could not show', async () => {
      const { db, dir } = world.host.connections.profile(profileId);
      const id = db.transaction(
        () =>
          new ArtifactStore(db, dir).store({
            type: 'transcript',
            ext: 'json',
            bytes: Buffer.from(JSON.stringify({ ...transcriptDocument(), segments: [] })),
            metadata: {},
          }).id,
      );
      expect(await world.fail('transcript_get', { profileId, transcriptId: id })).toMatchObject({ code: 'transcript_empty' });
    });
  });

  describe('transcript_edit_save', () => {
    it('saves the edit as a new transcript, one segment per line, timed from the source', async () => {
      const { transcriptId } = await importJson();
      const saved = await world.ok<{ transcriptId: string }>('transcript_edit_save', { profileId, transcriptId, editedText: 'First line\r\n\nSecond line' });
      expect(Object.keys(saved)).toEqual(['transcriptId']);
      expect(saved.transcriptId).not.toBe(transcriptId);
      expect(await world.ok('transcript_get', { profileId, transcriptId: saved.transcriptId })).toEqual({
        schema_version: '1.0.0',
        language: 'en',
        model_id: 'tiny',
        duration_ms: 2000,
        segments: [
          { t_start_ms: 0, t_end_ms: 1000, text: 'First line', confidence: null },
          { t_start_ms: 1000, t_end_ms: 2000, text: 'Second line', confidence: null },
        ],
      });
      expect(await world.ok<Transcript>('transcript_get', { profileId, transcriptId })).toMatchObject({ segments: [{ text: 'Hello everyone.' }, { text: 'Today: the API.' }] });
    });

    it.each([
      [{ transcriptId: 'art_x', editedText: 'x' }, 'profileId'],
      [{ profileId: 'p', editedText: 'x' }, 'transcriptId'],
      [{ profileId: 'p', transcriptId: '', editedText: 'x' }, 'transcriptId'],
      [{ profileId: 'p', transcriptId: 'art_x' }, 'editedText'],
      [{ profileId: 'p', transcriptId: 'art_x', editedText: ['x'] }, 'editedText'],
    ])('refuses the payload %j (IPC_INVALID_PAYLOAD naming %s)', async (payload, field) => {
      await expectInvalid(world, 'transcript_edit_save', payload, field);
    });

    it('keeps the domain codes and writes nothing on refusal', async () => {
      const { transcriptId } = await importJson();
      await expectRejected(world, 'transcript_edit_save', { profileId: 'prof_missing', transcriptId, editedText: 'x' }, 'profile_not_found');
      await expectRejected(world, 'transcript_edit_save', { profileId, transcriptId: 'art_missing', editedText: 'x' }, 'artifact_not_found');
      await expectRejected(world, 'transcript_edit_save', { profileId, transcriptId: audioArtifactId, editedText: 'x' }, 'artifact_not_transcript');
      // The empty text reaches the repository, whose code the UI knows.
      await expectRejected(world, 'transcript_edit_save', { profileId, transcriptId, editedText: '' }, 'transcript_empty');
      await expectRejected(world, 'transcript_edit_save', { profileId, transcriptId, editedText: ' \n \r\n' }, 'transcript_empty');
    });
  });

  describe('transcript_export', () => {
    it('writes each format under exports/transcript and answers the absolute path', async () => {
      const { transcriptId } = await importJson();
      const { dir } = world.host.connections.profile(profileId);
      const expected: Record<string, string> = {
        txt: 'Hello everyone. Today: the API.',
        srt: '1\n00:00:00,000 --> 00:00:01,000\nHello everyone.\n\n2\n00:00:01,000 --> 00:00:02,000\nToday: the API.\n\n',
        vtt: 'WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nHello everyone.\n\n00:00:01.000 --> 00:00:02.000\nToday: the API.\n\n',
        json: JSON.stringify(transcriptDocument(), null, 2),
      };
      for (const [format, content] of Object.entries(expected)) {
        const result = await world.ok<{ path: string }>('transcript_export', { profileId, transcriptId, format });
        expect(Object.keys(result)).toEqual(['path']);
        expect(isAbsolute(result.path)).toBe(true);
        expect(result.path).toBe(join(dir, 'exports', 'transcript', `${transcriptId}.${format}`));
        expect(readFileSync(result.path, 'utf8')).toBe(content);
      }
    });

    it.each([
      [{ transcriptId: 'art_x', format: 'txt' }, 'profileId'],
      [{ profileId: 'p', format: 'txt' }, 'transcriptId'],
      [{ profileId: 'p', transcriptId: 'art_x' }, 'format'],
      [{ profileId: 'p', transcriptId: 'art_x', format: 'TXT' }, 'format'],
      [{ profileId: 'p', transcriptId: 'art_x', format: 'pdf' }, 'format'],
    ])('refuses the payload %j (IPC_INVALID_PAYLOAD naming %s)', async (payload, field) => {
      await expectInvalid(world, 'transcript_export', payload, field);
    });

    it('keeps the domain codes and writes nothing on refusal', async () => {
      const { transcriptId } = await importJson();
      await expectRejected(world, 'transcript_export', { profileId: 'prof_missing', transcriptId, format: 'txt' }, 'profile_not_found');
      await expectRejected(world, 'transcript_export', { profileId, transcriptId: 'art_missing', format: 'srt' }, 'artifact_not_found');
      await expectRejected(world, 'transcript_export', { profileId, transcriptId: audioArtifactId, format: 'vtt' }, 'artifact_not_transcript');
      expect(existsSync(join(world.host.connections.profile(profileId).dir, 'exports'))).toBe(false);
    });
  });
});
