import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineQuery, openDatabase, profileQueryBuilder, type DatabaseHandle, type QueryParams } from '@lepupitre/db-core';
import { formatUtcTimestamp } from '@lepupitre/domain-primitives';
import { seededRandom } from '@lepupitre/fixtures';
import { TEST_SAFEGUARDS } from '@lepupitre/testing';

export interface DatasetSize {
  readonly talks: number;
  readonly runs: number;
  /** Runs of the one extra talk whose every run has been analysed (auto feedback, some notes). */
  readonly analysedRuns: number;
}

export const DEFAULT_SIZE: DatasetSize = { talks: 200, runs: 20_000, analysedRuns: 1_000 };

/**
 * Notes as a user types them, for the cases that write feedback notes: surrounding white space
 * (a no-break space included) that the repository trims, never blank, so every call stores a
 * note.
 */
export const NOTES = [
  'Slow down on the demo.',
  '  Good pace until the third slide.\n',
  '\u00a0Cut the second anecdote.',
  'Too many "so" in the intro.  ',
  '\tEnd on the key figure, not on questions.',
  'Louder for the last row. ',
  ' Breathe before the transition.',
  'Keep the conclusion under a minute.\n\n',
] as const;

/**
 * A stride near 0.38 of `length` sharing no factor with it, so that it visits every index.
 *
 * Cases walk the talks in this spread order: the last seeded talks are quiet (fewer than 12
 * runs, so cheaper lists), and a batch walking them in seed order would be cheaper or dearer
 * depending on whether its window of consecutive talks holds that tail. With a stride coprime
 * to the count, any window mixes busy and quiet talks in the same proportion.
 */
export function spreadStride(length: number): number {
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  let stride = Math.max(1, Math.round(length * 0.382));
  while (gcd(stride, length) !== 1) stride++;
  return stride;
}

/** The default dataset, announced first: building it takes seconds. */
export function buildDefaultDataset(progress: (line: string) => void): Dataset {
  progress(
    `building ${DEFAULT_SIZE.talks} talks and ${DEFAULT_SIZE.runs} runs, and a talk with ` +
      `${DEFAULT_SIZE.analysedRuns} analysed runs, through openDatabase...`,
  );
  return buildDataset(DEFAULT_SIZE);
}

/** One run in this many of the analysed talk has a note on its feedback. */
const NOTE_EVERY = 4;

/** The talk whose runs all carry auto feedback; it is also the active talk. */
export interface AnalysedTalk {
  readonly id: string;
  readonly runIds: readonly string[];
  /** The auto_feedback id of each run, in the order of `runIds`. */
  readonly feedbackIds: readonly string[];
}

export interface Dataset {
  readonly dir: string;
  readonly path: string;
  /** The handle the data was written through; the db-core implementations reuse it. */
  readonly db: DatabaseHandle;
  readonly size: DatasetSize;
  /** The talks of the `runs` runs; the analysed talk is not among them. */
  readonly talkIds: readonly string[];
  readonly analysedTalk: AnalysedTalk;
  /** Later than every seeded run, so inserted runs become the newest of their talk. */
  readonly insertTimestamp: string;
  dispose(): void;
}

const insertTalk = defineQuery(
  (p: QueryParams<{ id: string; title: string; stage: string; talkNumber: number; createdAt: string }>) =>
    profileQueryBuilder.insertInto('talk_projects').values({
      id: p.id,
      title: p.title,
      stage: p.stage,
      talk_number: p.talkNumber,
      created_at: p.createdAt,
      updated_at: p.createdAt,
    }),
);

const insertRun = defineQuery((p: QueryParams<{ id: string; projectId: string; createdAt: string }>) =>
  profileQueryBuilder.insertInto('runs').values({ id: p.id, project_id: p.projectId, created_at: p.createdAt }),
);

const insertArtifact = defineQuery(
  (p: QueryParams<{ id: string; relpath: string; createdAt: string; metadataJson: string }>) =>
    profileQueryBuilder.insertInto('artifacts').values({
      id: p.id,
      type: 'feedback',
      local_relpath: p.relpath,
      sha256: '0'.repeat(64),
      bytes: 1024,
      created_at: p.createdAt,
      metadata_json: p.metadataJson,
    }),
);

const insertFeedback = defineQuery(
  (p: QueryParams<{ id: string; runId: string; createdAt: string; artifactId: string; score: number }>) =>
    profileQueryBuilder.insertInto('auto_feedback').values({
      id: p.id,
      subject_type: 'run',
      subject_id: p.runId,
      created_at: p.createdAt,
      feedback_json_artifact_id: p.artifactId,
      overall_score: p.score,
    }),
);

const insertAnalysedRun = defineQuery(
  (p: QueryParams<{ id: string; projectId: string; createdAt: string; feedbackId: string }>) =>
    profileQueryBuilder
      .insertInto('runs')
      .values({ id: p.id, project_id: p.projectId, created_at: p.createdAt, feedback_id: p.feedbackId }),
);

const insertNote = defineQuery((p: QueryParams<{ feedbackId: string; text: string; updatedAt: string }>) =>
  profileQueryBuilder.insertInto('feedback_notes').values({ feedback_id: p.feedbackId, note_text: p.text, updated_at: p.updatedAt }),
);

const setActiveTalk = defineQuery((p: QueryParams<{ id: string }>) =>
  profileQueryBuilder.insertInto('active_state').values({ id: 1, active_project_id: p.id }),
);

const STAGES = ['draft', 'outline', 'rehearsal', 'final'] as const;
const SPAN_MS = 365 * 24 * 3600 * 1000;
const START_MS = Date.UTC(2024, 0, 1);

/**
 * One profile database created through `openDatabase`, so the real migrations, indexes and
 * posture apply. The PRNG is seeded so that every run measures the same data; talks get uneven
 * run counts, as real users have a few busy talks and many quiet ones.
 *
 * One more talk, the active one, holds `analysedRuns` runs that have all been analysed: each
 * has its feedback artifact row (no file: nothing here reads it), its auto_feedback row linked
 * from the run, and one in NOTE_EVERY a note. It is seeded after the others, so the talks and
 * runs above are the same whatever its size.
 */
export function buildDataset(size: DatasetSize = DEFAULT_SIZE): Dataset {
  const dir = mkdtempSync(join(tmpdir(), 'lepupitre-bench-'));
  const path = join(dir, 'profile.sqlite');
  let db: DatabaseHandle | undefined;
  try {
    db = openDatabase(path, 'profile', { safeguards: TEST_SAFEGUARDS }).db;
    const handle = db;
    const random = seededRandom(0x5eed);
    const talkIds = Array.from({ length: size.talks }, () => uuidFrom(random));
    handle.transaction(() => {
      talkIds.forEach((id, index) => {
        handle.run(insertTalk, {
          id,
          title: `Talk ${index + 1}`,
          stage: STAGES[index % STAGES.length] as string,
          talkNumber: index + 1,
          createdAt: timestamp(random() * SPAN_MS),
        });
      });
      for (let i = 0; i < size.runs; i++) {
        // Squaring skews the distribution towards the first talks.
        const talk = talkIds[Math.floor(random() * random() * talkIds.length)] as string;
        // A coarse time grid (about 30 s) so that some runs of a talk share a timestamp.
        const createdAt = timestamp(Math.floor(random() * 1e6) * (SPAN_MS / 1e6));
        handle.run(insertRun, { id: uuidFrom(random), projectId: talk, createdAt });
      }
    });
    const analysedTalk = handle.transaction(() => seedAnalysedTalk(handle, random, size));
    return {
      dir,
      path,
      db: handle,
      size,
      talkIds,
      analysedTalk,
      insertTimestamp: timestamp(SPAN_MS + 1000),
      dispose: () => {
        handle.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    db?.close();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

function seedAnalysedTalk(db: DatabaseHandle, random: () => number, size: DatasetSize): AnalysedTalk {
  const id = prefixedIdFrom('proj', random);
  db.run(insertTalk, {
    id,
    title: 'Analysed talk',
    stage: 'rehearsal',
    talkNumber: size.talks + 1,
    createdAt: timestamp(0),
  });
  db.run(setActiveTalk, { id });
  const runIds: string[] = [];
  const feedbackIds: string[] = [];
  for (let i = 0; i < size.analysedRuns; i++) {
    const runId = prefixedIdFrom('run', random);
    const feedbackId = prefixedIdFrom('fb', random);
    const artifactId = prefixedIdFrom('art', random);
    // The same coarse grid as above, so that some feedback of the talk share a timestamp.
    const runMs = Math.floor(random() * 1e6) * (SPAN_MS / 1e6);
    const analysedAt = timestamp(runMs + 60_000);
    db.run(insertArtifact, {
      id: artifactId,
      relpath: `artifacts/feedback/${artifactId}.json`,
      createdAt: analysedAt,
      metadataJson: JSON.stringify({ run_id: runId, source: 'transcript' }),
    });
    db.run(insertFeedback, {
      id: feedbackId,
      runId,
      createdAt: analysedAt,
      artifactId,
      score: Math.floor(random() * 101),
    });
    db.run(insertAnalysedRun, { id: runId, projectId: id, createdAt: timestamp(runMs), feedbackId });
    if (i % NOTE_EVERY === 0) {
      db.run(insertNote, { feedbackId, text: `Rehearsal ${i + 1}: slow down on the demo.`, updatedAt: analysedAt });
    }
    runIds.push(runId);
    feedbackIds.push(feedbackId);
  }
  return { id, runIds, feedbackIds };
}

function timestamp(offsetMs: number): string {
  return formatUtcTimestamp(new Date(START_MS + Math.floor(offsetMs)));
}

/** The shape of db-core's `newId`: a prefix and 32 hex digits. */
function prefixedIdFrom(prefix: string, random: () => number): string {
  return `${prefix}_${uuidFrom(random).replace(/-/g, '')}`;
}

function uuidFrom(random: () => number): string {
  let hex = '';
  for (let i = 0; i < 8; i++) hex += Math.floor(random() * 0x10000).toString(16).padStart(4, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
