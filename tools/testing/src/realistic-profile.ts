import { openDatabase } from '@lepupitre/db-core';
import { profileSeeder } from '@lepupitre/fixtures';
import { TEST_SAFEGUARDS } from './test-safeguards';

export interface RealisticSizes {
  readonly talks: number;
  readonly runsPerTalk: number;
  readonly attemptsPerTalk: number;
}

export const REALISTIC_SIZES: RealisticSizes = { talks: 40, runsPerTalk: 120, attemptsPerTalk: 60 };

const hex = (prefix: string, n: number): string => `${prefix}_${n.toString(16).padStart(32, '0')}`;
const at = (n: number): string => new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString().replace('Z', '+00:00');

/**
 * A profile database a long-time user would have: thousands of runs, attempts, feedback rows,
 * notes, artifacts and reviews, created through the real migrations so the schema and indexes
 * are the shipped ones. For query-plan gates and benchmarks.
 */
export function buildRealisticProfile(path: string, sizes: RealisticSizes = REALISTIC_SIZES): void {
  openDatabase(path, 'profile', { safeguards: TEST_SAFEGUARDS }).db.close();
  const kit = profileSeeder(path);
  try {
    /** The k-th artifact of row n; the kit's default path is `artifacts/<type>/<id>.<wav|json>`. */
    const artifact = (n: number, type: string, k: number): string =>
      kit.newArtifact({ id: hex('art', n * 4 + k), type, sha256: hex('sha', n * 4 + k), bytes: 2048, created_at: at(n) }).id;
    let n = 0;
    kit.transaction(() => {
      for (let t = 0; t < sizes.talks; t++) {
        const projectId = hex('proj', t);
        kit.newTalk({ id: projectId, title: `Talk ${t}`, audience: 'devs', goal: 'teach', duration_target_sec: 1200, talk_number: t + 1, stage: 'train', created_at: at(t) });
        kit.newOutline({ project_id: projectId, outline_md: `# Talk ${t}\n\n## Plan`, created_at: at(t) });
        for (let r = 0; r < sizes.runsPerTalk; r++) {
          n += 1;
          const audio = artifact(n, 'audio', 0);
          const transcript = artifact(n, 'transcript', 1);
          const fbJson = artifact(n, 'feedback', 2);
          const runId = hex('run', n);
          const fbId = hex('fb', n);
          kit.newFeedback({ id: fbId, subject_type: 'run', subject_id: runId, created_at: at(n), feedback_json_artifact_id: fbJson, overall_score: 40 + (n % 60) });
          if (n % 3 === 0) kit.newFeedbackNote({ feedback_id: fbId, note_text: `note ${n}`, updated_at: at(n) });
          kit.newRun({ id: runId, project_id: projectId, created_at: at(n), audio_artifact_id: audio, transcript_id: transcript, feedback_id: fbId });
          if (n % 10 === 0) {
            const reviewJson = artifact(n, 'peer_review', 3);
            kit.newPeerReview({ id: hex('peer', n), run_id: runId, created_at: at(n), reviewer_tag: 'reviewer', review_json_artifact_id: reviewJson });
          }
        }
        for (let a = 0; a < sizes.attemptsPerTalk; a++) {
          n += 1;
          const fbJson = artifact(n, 'feedback', 2);
          const attemptId = hex('att', n);
          const fbId = hex('fb', n);
          kit.newFeedback({ id: fbId, subject_type: 'quest_attempt', subject_id: attemptId, created_at: at(n), feedback_json_artifact_id: fbJson, overall_score: 50 });
          kit.newQuestAttempt({ id: attemptId, project_id: projectId, quest_code: a % 2 ? 'A01' : 'D01', created_at: at(n), output_text: `answer ${n}`, feedback_id: fbId });
        }
      }
    });
  } finally {
    kit.close();
  }
}
