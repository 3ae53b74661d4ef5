import { ArtifactStore, type StepEvent } from '@lepupitre/db-core';
import { captureWorld, countSteps, replayWithFaults, type FaultScenario } from '@lepupitre/testing';
import { linkAttemptFeedback, submitAudioAttempt, submitTextAttempt } from '../src';
import { addFeedbackRow, questWorld, removeWorlds, type QuestWorld } from './support/quest-world';

afterAll(removeWorlds);

type WithAttempt = QuestWorld & { attemptId: string };
type Scenario = (FaultScenario<QuestWorld> | FaultScenario<WithAttempt>) & { readonly steps: readonly string[] };

/** `select quests`, `insert quest_attempts`, `file artifact`, `commit`: what a step touches. */
function shape(event: StepEvent): string {
  if (event.kind !== 'statement') return `${event.kind} ${event.detail.split(' ')[0]}`;
  const verb = event.detail.split(' ')[0]?.toLowerCase() ?? '';
  const table = /(?:from|into|update) "(\w+)"/i.exec(event.detail)?.[1] ?? '?';
  return `${verb} ${table}`;
}

const scenarios: Record<string, Scenario> = {
  'quest_submit_text (checks, then insert)': {
    steps: ['select quests', 'select talk_projects', 'insert quest_attempts', 'commit commit'],
    setup: questWorld,
    flow: (w: QuestWorld) => submitTextAttempt(w.db, { projectId: w.talkId, questCode: 'A01', text: 'goal' }),
  },
  'quest_submit_audio, new attempt (checks, de-dup lookup, insert)': {
    steps: ['select quests', 'select artifacts', 'select artifacts', 'select quest_attempts', 'select talk_projects', 'insert quest_attempts', 'commit commit'],
    setup: questWorld,
    flow: (w: QuestWorld) =>
      submitAudioAttempt(w.db, { projectId: w.talkId, questCode: 'D01', audioArtifactId: w.audioIds[0], transcriptId: w.transcriptIds[0] }),
  },
  'quest_submit_audio, repeated with a new transcript (checks, de-dup lookup, transcript update)': {
    steps: ['select quests', 'select artifacts', 'select artifacts', 'select quest_attempts', 'update quest_attempts', 'commit commit'],
    setup: (): WithAttempt => {
      const w = questWorld();
      const attemptId = submitAudioAttempt(w.db, { projectId: w.talkId, questCode: 'D01', audioArtifactId: w.audioIds[0], transcriptId: null });
      return { ...w, attemptId };
    },
    flow: (w: WithAttempt) =>
      submitAudioAttempt(w.db, { projectId: w.talkId, questCode: 'D01', audioArtifactId: w.audioIds[0], transcriptId: w.transcriptIds[1] }),
  },
  'analyze_attempt persistence (feedback file and row, auto_feedback row, attempt link)': {
    steps: ['file artifact', 'file artifact', 'file artifact', 'insert artifacts', 'insert auto_feedback', 'update quest_attempts', 'commit commit'],
    setup: (): WithAttempt => {
      const w = questWorld();
      const attemptId = submitTextAttempt(w.db, { projectId: w.talkId, questCode: 'A01', text: 'goal' });
      return { ...w, attemptId };
    },
    flow: (w: WithAttempt) =>
      w.db.transaction(() => {
        const artifact = new ArtifactStore(w.db, w.folder).store({
          type: 'feedback',
          ext: 'json',
          bytes: Buffer.from('{"schema_version":"1.0.0"}'),
          metadata: { attempt_id: w.attemptId, source: 'text' },
        });
        const feedbackId = addFeedbackRow(w.db, w.attemptId, artifact.id);
        linkAttemptFeedback(w.db, w.attemptId, feedbackId);
      }),
  },
};

describe.each(Object.entries(scenarios))('%s', (_name, scenario) => {
  const s = scenario as FaultScenario<QuestWorld>;

  it('changes the world when nothing fails (so the replays below can fail)', () => {
    const w = s.setup();
    const before = captureWorld(w.databasePath, w.folder);
    try {
      s.flow(w);
    } finally {
      w.db.close();
    }
    expect(captureWorld(w.databasePath, w.folder)).not.toEqual(before);
  });

  it('leaves the world exactly as before when any step fails', () => {
    const steps = countSteps(s);
    expect(steps.map(shape)).toEqual(scenario.steps);
    const replays = replayWithFaults(s);
    expect(replays).toHaveLength(steps.length);
    for (const replay of replays) {
      const reached = replay.event.kind === 'file' ? (replay.error as { cause?: unknown }).cause : replay.error;
      expect(reached).toMatchObject({ code: 'DB_INJECTED_FAULT' });
      expect(replay.after).toEqual(replay.before);
    }
  });
});
