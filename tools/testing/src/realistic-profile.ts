import { openDatabase } from '@lepupitre/db-core';
import Database from 'better-sqlite3';

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
  openDatabase(path, 'profile').db.close();
  const db = new Database(path);
  try {
    db.pragma('foreign_keys = ON');
    const talk = db.prepare("INSERT INTO talk_projects (id, title, audience, goal, duration_target_sec, talk_number, stage, created_at, updated_at, is_training) VALUES (?, ?, 'devs', 'teach', 1200, ?, 'train', ?, ?, 0)");
    const outline = db.prepare('INSERT INTO talk_outlines VALUES (?, ?, ?, ?)');
    const artifact = db.prepare("INSERT INTO artifacts VALUES (?, ?, ?, ?, 2048, ?, '{}')");
    const feedback = db.prepare('INSERT INTO auto_feedback VALUES (?, ?, ?, ?, ?, ?)');
    const note = db.prepare('INSERT INTO feedback_notes VALUES (?, ?, ?)');
    const run = db.prepare('INSERT INTO runs VALUES (?, ?, ?, ?, ?, ?)');
    const attempt = db.prepare('INSERT INTO quest_attempts VALUES (?, ?, ?, ?, ?, NULL, NULL, ?)');
    const review = db.prepare("INSERT INTO peer_reviews VALUES (?, ?, ?, 'reviewer', ?)");
    let n = 0;
    db.transaction(() => {
      for (let t = 0; t < sizes.talks; t++) {
        const projectId = hex('proj', t);
        talk.run(projectId, `Talk ${t}`, t + 1, at(t), at(t));
        outline.run(projectId, `# Talk ${t}\n\n## Plan`, at(t), at(t));
        for (let r = 0; r < sizes.runsPerTalk; r++) {
          n += 1;
          const audio = hex('art', n * 4);
          const transcript = hex('art', n * 4 + 1);
          const fbJson = hex('art', n * 4 + 2);
          artifact.run(audio, 'audio', `artifacts/audio/${audio}.wav`, hex('sha', n * 4), at(n));
          artifact.run(transcript, 'transcript', `artifacts/transcript/${transcript}.json`, hex('sha', n * 4 + 1), at(n));
          artifact.run(fbJson, 'feedback', `artifacts/feedback/${fbJson}.json`, hex('sha', n * 4 + 2), at(n));
          const runId = hex('run', n);
          const fbId = hex('fb', n);
          feedback.run(fbId, 'run', runId, at(n), fbJson, 40 + (n % 60));
          if (n % 3 === 0) note.run(fbId, `note ${n}`, at(n));
          run.run(runId, projectId, at(n), audio, transcript, fbId);
          if (n % 10 === 0) {
            const reviewJson = hex('art', n * 4 + 3);
            artifact.run(reviewJson, 'peer_review', `artifacts/peer_review/${reviewJson}.json`, hex('sha', n * 4 + 3), at(n));
            review.run(hex('peer', n), runId, at(n), reviewJson);
          }
        }
        for (let a = 0; a < sizes.attemptsPerTalk; a++) {
          n += 1;
          const fbJson = hex('art', n * 4 + 2);
          artifact.run(fbJson, 'feedback', `artifacts/feedback/${fbJson}.json`, hex('sha', n * 4 + 2), at(n));
          const attemptId = hex('att', n);
          const fbId = hex('fb', n);
          feedback.run(fbId, 'quest_attempt', attemptId, at(n), fbJson, 50);
          attempt.run(attemptId, projectId, a % 2 ? 'A01' : 'D01', at(n), `answer ${n}`, fbId);
        }
      }
    })();
  } finally {
    db.close();
  }
}
