import { listQuests } from '@lepupitre/repo-quest';
import { createProject } from '@lepupitre/repo-talk';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeQuestRecording } from '../../src/commands/quest-recording';
import type { CommandWorld } from '../support/command-world';
import { expectInvalid, expectRejected } from '../support/expectations';
import { expectUnitLeavesNothing } from '../support/profile-unit-replay';
import { wavBytes } from '../support/wav-bytes';
import { useTalkWorld } from '../support/worlds';

type Recorded = { attemptId: string; audioArtifactId: string; transcriptId: string; feedbackId: string };
type Attempt = { id: string; quest_code: string; has_audio: boolean; has_transcript: boolean; has_feedback: boolean; feedback_id: string | null };

const WAV = wavBytes({ samples: 32000 }).toString('base64');
const SAID = { format: 'text', content: 'My intro: the promise, then the plan in three parts.' };

describe('quest_submit_recording', () => {
  let world: CommandWorld;
  let profileId: string;
  let projectId: string;
  let questCode: string;
  const talkWorld = useTalkWorld();
  beforeEach(() => {
    ({ world, profileId, projectId } = talkWorld());
    questCode = listQuests(world.host.connections.profile(profileId).db).find((quest) => quest.output_type === 'audio')?.code ?? '';
    expect(questCode).not.toBe('');
  });

  const attempts = () => world.ok<Attempt[]>('quest_attempts_list', { profileId, projectId });

  it('saves the recording, its transcript, the attempt and its feedback, as the single-step commands would', async () => {
    const recorded = await world.ok<Recorded>('quest_submit_recording', { profileId, projectId, questCode, wavBase64: WAV, transcript: SAID });
    expect(recorded).toEqual({
      attemptId: expect.stringMatching(/^att_[0-9a-f]{32}$/),
      audioArtifactId: expect.stringMatching(/^art_[0-9a-f]{32}$/),
      transcriptId: expect.stringMatching(/^art_[0-9a-f]{32}$/),
      feedbackId: expect.stringMatching(/^fb_[0-9a-f]{32}$/),
    });
    expect(await attempts()).toEqual([
      expect.objectContaining({ id: recorded.attemptId, quest_code: questCode, has_audio: true, has_transcript: true, has_feedback: true, feedback_id: recorded.feedbackId }),
    ]);
    expect(await world.ok('feedback_get', { profileId, feedbackId: recorded.feedbackId })).toMatchObject({ overall_score: expect.any(Number) });
  });

  it('leaves nothing behind when the transcript is blank, the quest or talk unknown, or the WAV wrong', async () => {
    await expectRejected(world, 'quest_submit_recording', { profileId, projectId, questCode, wavBase64: WAV, transcript: { format: 'text', content: ' \n ' } }, 'transcript_empty');
    await expectRejected(world, 'quest_submit_recording', { profileId, projectId, questCode: 'NOPE', wavBase64: WAV, transcript: SAID }, 'quest_not_found');
    await expectRejected(world, 'quest_submit_recording', { profileId, projectId: 'proj_missing', questCode, wavBase64: WAV, transcript: SAID }, 'project_not_found');
    await expectRejected(world, 'quest_submit_recording', { profileId, projectId, questCode, wavBase64: 'UklGRg==', transcript: SAID }, 'wav_header');
    await expectInvalid(world, 'quest_submit_recording', { profileId, projectId, questCode, wavBase64: WAV }, 'transcript');
    expect(await attempts()).toEqual([]);
  });

  it('leaves rows and files as they were whichever step of the unit fails', () => {
    const outside = mkdtempSync(join(tmpdir(), 'lepupitre-quest-recording-'));
    try {
      const replays = expectUnitLeavesNothing(
        outside,
        (db) => ({ talk: createProject(db, { title: 'Practised talk' }), quest: listQuests(db).find((quest) => quest.output_type === 'audio')?.code ?? '' }),
        (session, seeded) => writeQuestRecording(session, { projectId: seeded.talk, questCode: seeded.quest, wavBase64: WAV, transcript: { format: 'text', content: SAID.content } }),
      );
      // Recording, transcript, attempt and feedback: files and statements of four writes and the commit.
      expect(replays.length).toBeGreaterThan(8);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
