import type { CommandWorld } from '../support/command-world';
import { invalidPayload, rejectsUnchanged, TIMESTAMP } from '../support/expectations';
import { storeAudio, storeTranscript } from '../support/media-fixtures';
import { nextMillisecond, sessionOf } from '../support/talk-fixtures';
import { useTalkWorld } from '../support/worlds';

interface RunSummary {
  id: string;
  project_id: string;
  created_at: string;
  audio_artifact_id: string | null;
  transcript_id: string | null;
  feedback_id: string | null;
  estimated_pace_wpm: number | null;
}

const RUN_KEYS = ['audio_artifact_id', 'created_at', 'estimated_pace_wpm', 'feedback_id', 'id', 'project_id', 'transcript_id'];

describe('run commands', () => {
  let world: CommandWorld;
  let profileId: string;
  let projectId: string;
  const talkWorld = useTalkWorld();
  beforeEach(() => ({ world, profileId, projectId } = talkWorld()));

  const createRun = (id = projectId) => world.ok<string>('run_create', { profileId, projectId: id });
  const getRun = (runId: string) => world.ok<RunSummary | null>('run_get', { profileId, runId });
  const audio = () => storeAudio(sessionOf(world, profileId)).artifactId;
  const transcript = (audioId: string) => storeTranscript(sessionOf(world, profileId), audioId, [{ t_start_ms: 0, t_end_ms: 900, text: 'Hello' }]);

  describe('run_create', () => {
    it('creates an empty run of the talk without reordering the talks', async () => {
      const talksBefore = await world.ok('project_list', { profileId });
      const runId = await createRun();
      expect(runId).toMatch(/^run_[0-9a-f]{32}$/);
      expect(await getRun(runId)).toEqual({
        id: runId,
        project_id: projectId,
        created_at: expect.stringMatching(TIMESTAMP),
        audio_artifact_id: null,
        transcript_id: null,
        feedback_id: null,
        // Set only by rehearsal_save without a recording (rehearsal.spec.ts).
        estimated_pace_wpm: null,
      });
      expect(await world.ok('project_list', { profileId })).toEqual(talksBefore);
    });

    it('accepts the training project', async () => {
      const training = await world.ok<string>('project_ensure_training', { profileId });
      expect((await getRun(await createRun(training)))?.project_id).toBe(training);
    });

    it('refuses an unknown talk and an unknown profile, changing nothing', async () => {
      expect(await rejectsUnchanged(world, 'run_create', { profileId, projectId: 'proj_missing' })).toMatchObject({
        code: 'project_not_found',
      });
      expect(await rejectsUnchanged(world, 'run_create', { profileId: 'prof_missing', projectId })).toMatchObject({
        code: 'profile_not_found',
      });
    });

    it('rejects malformed payloads before touching anything, naming the field', async () => {
      expect(await rejectsUnchanged(world, 'run_create', { profileId, projectId: '' })).toEqual(invalidPayload('projectId'));
      expect(await rejectsUnchanged(world, 'run_create', { profileId, projectId: 3 })).toEqual(invalidPayload('projectId'));
      expect(await rejectsUnchanged(world, 'run_create', { projectId })).toEqual(invalidPayload('profileId'));
      expect(await rejectsUnchanged(world, 'run_create', 42)).toEqual(invalidPayload('(payload)'));
    });
  });

  describe('run_finish', () => {
    it('attaches the audio, and replaces it when called again', async () => {
      const runId = await createRun();
      const first = audio();
      expect(await world.ok('run_finish', { profileId, runId, audioArtifactId: first })).toBeNull();
      expect((await getRun(runId))?.audio_artifact_id).toBe(first);
      const second = audio();
      expect(await world.ok('run_finish', { profileId, runId, audioArtifactId: second })).toBeNull();
      expect(await getRun(runId)).toMatchObject({ audio_artifact_id: second, transcript_id: null, feedback_id: null });
    });

    it('checks the artifact before the run, changing nothing on failure', async () => {
      const runId = await createRun();
      const audioId = audio();
      const transcriptId = transcript(audioId);
      const finish = (payload: Record<string, string>) => rejectsUnchanged(world, 'run_finish', { profileId, ...payload });
      expect(await finish({ runId, audioArtifactId: 'art_missing' })).toMatchObject({ code: 'artifact_not_found' });
      expect(await finish({ runId, audioArtifactId: transcriptId })).toMatchObject({ code: 'artifact_not_audio' });
      expect(await finish({ runId: 'run_missing', audioArtifactId: audioId })).toMatchObject({ code: 'run_not_found' });
      expect(await finish({ runId: 'run_missing', audioArtifactId: 'art_missing' })).toMatchObject({ code: 'artifact_not_found' });
      expect(await rejectsUnchanged(world, 'run_finish', { profileId: 'prof_missing', runId, audioArtifactId: audioId })).toMatchObject({
        code: 'profile_not_found',
      });
    });

    it('rejects malformed payloads before touching anything, naming the field', async () => {
      const runId = await createRun();
      const audioArtifactId = audio();
      const cases: [unknown, string][] = [
        [{ profileId, runId }, 'audioArtifactId'],
        [{ profileId, runId, audioArtifactId: '' }, 'audioArtifactId'],
        [{ profileId, runId, audioArtifactId: null }, 'audioArtifactId'],
        [{ profileId, runId: '', audioArtifactId }, 'runId'],
        [{ profileId, audioArtifactId }, 'runId'],
        [{ profileId: {}, runId, audioArtifactId }, 'profileId'],
      ];
      for (const [payload, field] of cases) {
        expect(await rejectsUnchanged(world, 'run_finish', payload)).toEqual(invalidPayload(field));
      }
    });
  });

  describe('run_set_transcript', () => {
    it('attaches the transcript, and replaces it when called again', async () => {
      const runId = await createRun();
      const audioId = audio();
      const first = transcript(audioId);
      expect(await world.ok('run_set_transcript', { profileId, runId, transcriptId: first })).toBeNull();
      expect((await getRun(runId))?.transcript_id).toBe(first);
      const second = transcript(audioId);
      expect(await world.ok('run_set_transcript', { profileId, runId, transcriptId: second })).toBeNull();
      expect(await getRun(runId)).toMatchObject({ audio_artifact_id: null, transcript_id: second });
    });

    it('checks the artifact before the run, changing nothing on failure', async () => {
      const runId = await createRun();
      const audioId = audio();
      const transcriptId = transcript(audioId);
      const set = (payload: Record<string, string>) => rejectsUnchanged(world, 'run_set_transcript', { profileId, ...payload });
      expect(await set({ runId, transcriptId: 'art_missing' })).toMatchObject({ code: 'artifact_not_found' });
      expect(await set({ runId, transcriptId: audioId })).toMatchObject({ code: 'artifact_not_transcript' });
      expect(await set({ runId: 'run_missing', transcriptId })).toMatchObject({ code: 'run_not_found' });
      expect(await set({ runId: 'run_missing', transcriptId: audioId })).toMatchObject({ code: 'artifact_not_transcript' });
      expect(await rejectsUnchanged(world, 'run_set_transcript', { profileId: 'prof_missing', runId, transcriptId })).toMatchObject({
        code: 'profile_not_found',
      });
    });

    it('rejects malformed payloads before touching anything, naming the field', async () => {
      const runId = await createRun();
      const cases: [unknown, string][] = [
        [{ profileId, runId }, 'transcriptId'],
        [{ profileId, runId, transcriptId: '' }, 'transcriptId'],
        [{ profileId, runId, transcriptId: 5 }, 'transcriptId'],
        [{ profileId, runId: null, transcriptId: 'art_x' }, 'runId'],
        [{ runId, transcriptId: 'art_x' }, 'profileId'],
      ];
      for (const [payload, field] of cases) {
        expect(await rejectsUnchanged(world, 'run_set_transcript', payload)).toEqual(invalidPayload(field));
      }
    });
  });

  describe('run_get', () => {
    it('returns every key of a finished, transcribed run, and null for an unknown run', async () => {
      const runId = await createRun();
      const audioId = audio();
      const transcriptId = transcript(audioId);
      await world.ok('run_finish', { profileId, runId, audioArtifactId: audioId });
      await world.ok('run_set_transcript', { profileId, runId, transcriptId });
      const run = await getRun(runId);
      expect(run).toEqual({
        id: runId,
        project_id: projectId,
        created_at: expect.stringMatching(TIMESTAMP),
        audio_artifact_id: audioId,
        transcript_id: transcriptId,
        feedback_id: null,
        estimated_pace_wpm: null,
      });
      expect(Object.keys(run ?? {}).sort()).toEqual(RUN_KEYS);
      expect(await getRun('run_missing')).toBeNull();
    });

    it('rejects malformed payloads and reports an unknown profile', async () => {
      expect(await world.fail('run_get', { profileId, runId: '' })).toEqual(invalidPayload('runId'));
      expect(await world.fail('run_get', { profileId })).toEqual(invalidPayload('runId'));
      expect(await world.fail('run_get', { profileId: '', runId: 'run_x' })).toEqual(invalidPayload('profileId'));
      expect(await world.fail('run_get', { profileId: 'prof_missing', runId: 'run_x' })).toMatchObject({ code: 'profile_not_found' });
    });
  });

  describe('run_get_latest', () => {
    it('returns the newest run of the talk, and null for a talk without runs or an unknown talk', async () => {
      expect(await world.ok('run_get_latest', { profileId, projectId })).toBeNull();
      expect(await world.ok('run_get_latest', { profileId, projectId: 'proj_missing' })).toBeNull();
      await createRun();
      await nextMillisecond();
      const newest = await createRun();
      const other = await world.ok<string>('project_create', { profileId, payload: { title: 'Other' } });
      await nextMillisecond();
      await createRun(other);
      const latest = await world.ok<RunSummary>('run_get_latest', { profileId, projectId });
      expect(latest).toEqual(await getRun(newest));
      expect(Object.keys(latest).sort()).toEqual(RUN_KEYS);
    });

    it('rejects malformed payloads and reports an unknown profile', async () => {
      expect(await world.fail('run_get_latest', { profileId, projectId: '' })).toEqual(invalidPayload('projectId'));
      expect(await world.fail('run_get_latest', { profileId, runId: 'run_x' })).toEqual(invalidPayload('projectId'));
      expect(await world.fail('run_get_latest', { profileId: 'prof_missing', projectId })).toMatchObject({ code: 'profile_not_found' });
    });
  });

  describe('run_list', () => {
    it('lists the talk runs newest first, 12 by default, the limit clamped to 100', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 13; i++) {
        ids.push(await createRun());
        await nextMillisecond();
      }
      const newestFirst = [...ids].reverse();
      const list = (limit?: unknown) =>
        world.ok<RunSummary[]>('run_list', limit === undefined ? { profileId, projectId } : { profileId, projectId, limit });
      expect((await list()).map((r) => r.id)).toEqual(newestFirst.slice(0, 12));
      expect((await list(null)).map((r) => r.id)).toEqual(newestFirst.slice(0, 12));
      expect((await list(2)).map((r) => r.id)).toEqual(newestFirst.slice(0, 2));
      expect((await list(5000)).map((r) => r.id)).toEqual(newestFirst);
      const [first] = await list(1);
      expect(first).toEqual(await getRun(newestFirst[0] ?? ''));
      expect(await world.ok('run_list', { profileId, projectId: 'proj_missing' })).toEqual([]);
      for (let i = ids.length; i < 101; i++) await createRun();
      expect(await list(5000)).toHaveLength(100);
    });

    it('rejects a limit that is not a positive whole number, and other malformed payloads', async () => {
      for (const limit of [0, -1, 1.5, '3']) {
        expect(await world.fail('run_list', { profileId, projectId, limit })).toEqual(invalidPayload('limit'));
      }
      expect(await world.fail('run_list', { profileId, projectId: '' })).toEqual(invalidPayload('projectId'));
      expect(await world.fail('run_list', { profileId: null, projectId })).toEqual(invalidPayload('profileId'));
      expect(await world.fail('run_list', { profileId: 'prof_missing', projectId })).toMatchObject({ code: 'profile_not_found' });
    });
  });
});
