import { createProject } from '@lepupitre/repo-talk';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeRehearsal } from '../../src/commands/rehearsal';
import type { CommandWorld } from '../support/command-world';
import { expectInvalid, expectRejected } from '../support/expectations';
import { transcriptDocument } from '../support/media-fixtures';
import { expectUnitLeavesNothing } from '../support/profile-unit-replay';
import { wavBytes } from '../support/wav-bytes';
import { worldWithTalk } from '../support/worlds';

type Saved = { runId: string; audioArtifactId: string; transcriptId: string | null; feedbackId: string | null };
type Run = { id: string; audio_artifact_id: string | null; transcript_id: string | null; feedback_id: string | null };

const WAV = wavBytes({ samples: 32000 }).toString('base64');
const TEXT = 'Hello everyone, um, today we talk about SQLite.\nIt is basically a file, you know.';

describe('rehearsal_save', () => {
  let world: CommandWorld;
  let profileId: string;
  let projectId: string;
  beforeEach(async () => ({ world, profileId, projectId } = await worldWithTalk()));
  afterEach(() => world.close());

  const runs = () => world.ok<Run[]>('run_list', { profileId, projectId });

  it('saves the audio, the run, its transcript and its feedback, as the single-step commands would', async () => {
    const saved = await world.ok<Saved>('rehearsal_save', { profileId, projectId, wavBase64: WAV, transcript: { format: 'text', content: TEXT } });
    expect(saved).toEqual({
      runId: expect.stringMatching(/^run_[0-9a-f]{32}$/),
      audioArtifactId: expect.stringMatching(/^art_[0-9a-f]{32}$/),
      transcriptId: expect.stringMatching(/^art_[0-9a-f]{32}$/),
      feedbackId: expect.stringMatching(/^fb_[0-9a-f]{32}$/),
    });
    expect(await runs()).toEqual([
      expect.objectContaining({ id: saved.runId, audio_artifact_id: saved.audioArtifactId, transcript_id: saved.transcriptId, feedback_id: saved.feedbackId }),
    ]);
    const feedback = await world.ok<Record<string, unknown>>('feedback_get', { profileId, feedbackId: saved.feedbackId });
    expect(feedback).toMatchObject({ overall_score: expect.any(Number) });
    // Analysis stays idempotent: the run already has its feedback.
    expect(await world.ok('run_analyze', { profileId, runId: saved.runId })).toEqual({ feedbackId: saved.feedbackId });
  });

  it('takes a TranscriptV1 document, and no transcript at all (audio only, analysed later)', async () => {
    const fromJson = await world.ok<Saved>('rehearsal_save', {
      profileId,
      projectId,
      wavBase64: WAV,
      transcript: { format: 'json', content: JSON.stringify(transcriptDocument()) },
    });
    expect(fromJson.feedbackId).not.toBeNull();
    const audioOnly = await world.ok<Saved>('rehearsal_save', { profileId, projectId, wavBase64: WAV });
    expect(audioOnly).toMatchObject({ transcriptId: null, feedbackId: null });
    expect((await runs()).map((run) => run.id).sort()).toEqual([fromJson.runId, audioOnly.runId].sort());
  });

  it('leaves nothing behind when the transcript is blank, unreadable, or the talk or WAV is wrong', async () => {
    // A transcript of white space only: before, the run and its audio were already written.
    await expectRejected(world, 'rehearsal_save', { profileId, projectId, wavBase64: WAV, transcript: { format: 'text', content: ' \n\t \u00a0' } }, 'transcript_empty');
    await expectRejected(world, 'rehearsal_save', { profileId, projectId, wavBase64: WAV, transcript: { format: 'json', content: '{"segments":' } }, 'transcript_parse_failed');
    await expectRejected(world, 'rehearsal_save', { profileId, projectId: 'proj_missing', wavBase64: WAV, transcript: { format: 'text', content: TEXT } }, 'project_not_found');
    await expectRejected(world, 'rehearsal_save', { profileId, projectId, wavBase64: 'UklGRg==', transcript: { format: 'text', content: TEXT } }, 'wav_header');
    await expectInvalid(world, 'rehearsal_save', { profileId, projectId, wavBase64: WAV, transcript: { format: 'srt', content: TEXT } }, 'transcript.format');
    await expectInvalid(world, 'rehearsal_save', { profileId, projectId }, 'wavBase64');
    expect(await runs()).toEqual([]);
  });

  it('leaves rows and files as they were whichever step of the unit fails', () => {
    const outside = mkdtempSync(join(tmpdir(), 'lepupitre-rehearsal-'));
    try {
      const replays = expectUnitLeavesNothing(
        outside,
        (db) => createProject(db, { title: 'Rehearsed talk' }),
        (session, projectId) => writeRehearsal(session, { projectId, wavBase64: WAV, transcript: { format: 'text', content: TEXT } }),
      );
      // Audio, run, transcript and feedback: files and statements of four writes and the commit.
      expect(replays.length).toBeGreaterThan(8);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
