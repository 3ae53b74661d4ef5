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
import { useTalkWorld } from '../support/worlds';

type Saved = { runId: string; audioArtifactId: string; transcriptId: string | null; feedbackId: string | null; estimatedPaceWpm: number | null };
type Run = { id: string; audio_artifact_id: string | null; transcript_id: string | null; feedback_id: string | null; estimated_pace_wpm: number | null };

const WAV = wavBytes({ samples: 32000 }).toString('base64');
const TEXT = 'Hello everyone, um, today we talk about SQLite.\nIt is basically a file, you know.';

describe('rehearsal_save', () => {
  let world: CommandWorld;
  let profileId: string;
  let projectId: string;
  const talkWorld = useTalkWorld();
  beforeEach(() => ({ world, profileId, projectId } = talkWorld()));

  const runs = () => world.ok<Run[]>('run_list', { profileId, projectId });

  it('saves the audio, the run, its transcript and its feedback, as the single-step commands would', async () => {
    const saved = await world.ok<Saved>('rehearsal_save', { profileId, projectId, wavBase64: WAV, transcript: { format: 'text', content: TEXT } });
    expect(saved).toEqual({
      runId: expect.stringMatching(/^run_[0-9a-f]{32}$/),
      audioArtifactId: expect.stringMatching(/^art_[0-9a-f]{32}$/),
      transcriptId: expect.stringMatching(/^art_[0-9a-f]{32}$/),
      feedbackId: expect.stringMatching(/^fb_[0-9a-f]{32}$/),
      estimatedPaceWpm: null,
    });
    expect(await runs()).toEqual([
      expect.objectContaining({
        id: saved.runId,
        audio_artifact_id: saved.audioArtifactId,
        transcript_id: saved.transcriptId,
        feedback_id: saved.feedbackId,
        estimated_pace_wpm: null,
      }),
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

  it('without a recording, makes silence from the text and says the run\'s pace is an estimate', async () => {
    const words = (count: number) => Array.from({ length: count }, (_, i) => `word${i}`).join(' ');
    const typed = await world.ok<Saved>('rehearsal_save', { profileId, projectId, transcript: { format: 'text', content: words(130) } });
    expect(typed).toMatchObject({ transcriptId: expect.any(String), feedbackId: expect.any(String), estimatedPaceWpm: 130 });
    // The analysis measures the pace on that silence: the estimate, not a measure.
    const feedback = await world.ok<{ metrics: { wpm: number } }>('feedback_get', { profileId, feedbackId: typed.feedbackId });
    expect(Math.round(feedback.metrics.wpm)).toBe(130);
    // A document counts its segments' words; five minutes at most, so a long text is faster.
    const document = transcriptDocument();
    const fromJson = await world.ok<Saved>('rehearsal_save', { profileId, projectId, transcript: { format: 'json', content: JSON.stringify(document) } });
    expect(fromJson.estimatedPaceWpm).toBeGreaterThan(0);
    const long = await world.ok<Saved>('rehearsal_save', { profileId, projectId, transcript: { format: 'text', content: words(1300) } });
    expect(long.estimatedPaceWpm).toBe(260);

    const paces = async () => Object.fromEntries((await runs()).map((run) => [run.id, run.estimated_pace_wpm]));
    expect(await paces()).toEqual({ [typed.runId]: 130, [fromJson.runId]: fromJson.estimatedPaceWpm, [long.runId]: 260 });
    expect(await world.ok<Run>('run_get', { profileId, runId: typed.runId })).toMatchObject({ estimated_pace_wpm: 130 });
    // A recording attached later makes the pace a measure again.
    const audio = await world.ok<{ artifactId: string }>('audio_import_wav', { profileId, wavBase64: WAV });
    await world.ok('run_finish', { profileId, runId: typed.runId, audioArtifactId: audio.artifactId });
    expect((await paces())[typed.runId]).toBeNull();
  });

  it('leaves nothing behind when the transcript is blank, unreadable, or the talk or WAV is wrong', async () => {
    // A transcript of white space only: before, the run and its audio were already written.
    await expectRejected(world, 'rehearsal_save', { profileId, projectId, wavBase64: WAV, transcript: { format: 'text', content: ' \n\t \u00a0' } }, 'transcript_empty');
    await expectRejected(world, 'rehearsal_save', { profileId, projectId, wavBase64: WAV, transcript: { format: 'json', content: '{"segments":' } }, 'transcript_parse_failed');
    await expectRejected(world, 'rehearsal_save', { profileId, projectId: 'proj_missing', wavBase64: WAV, transcript: { format: 'text', content: TEXT } }, 'project_not_found');
    await expectRejected(world, 'rehearsal_save', { profileId, projectId, wavBase64: 'UklGRg==', transcript: { format: 'text', content: TEXT } }, 'wav_header');
    await expectInvalid(world, 'rehearsal_save', { profileId, projectId, wavBase64: WAV, transcript: { format: 'srt', content: TEXT } }, 'transcript.format');
    // Without a recording, the text is all there is: it must have a word, and be there.
    await expectRejected(world, 'rehearsal_save', { profileId, projectId, transcript: { format: 'text', content: ' \u2003 ' } }, 'transcript_empty');
    await expectRejected(world, 'rehearsal_save', { profileId, projectId, transcript: { format: 'json', content: '[' } }, 'transcript_parse_failed');
    await expectInvalid(world, 'rehearsal_save', { profileId, projectId }, 'transcript');
    await expectInvalid(world, 'rehearsal_save', { profileId, projectId, wavBase64: null, transcript: null }, 'transcript');
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
      // The same unit when the audio is silence made from the text.
      const estimated = expectUnitLeavesNothing(
        outside,
        (db) => createProject(db, { title: 'Typed talk' }),
        (session, projectId) => writeRehearsal(session, { projectId, transcript: { format: 'text', content: TEXT } }),
      );
      expect(estimated.length).toBeGreaterThan(8);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
