import { DbError, DbErrorCode, isDbError, openDatabase, profileQueryBuilder as qb } from '@lepupitre/db-core';
import { newId } from '@lepupitre/domain-primitives';
import { captureWorld, INJECTED_FAULT_MESSAGE, replayWithFaults, type FaultScenario, TEST_SAFEGUARDS } from '@lepupitre/testing';
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildFeedbackFromText, getFeedback, recordAutoFeedback, serializeFeedback } from '../src';
import { analyzeAttempt, analyzeRun } from './support/analyze-flows';
import {
  addArtifactRow,
  addAttempt,
  addFeedbackRow,
  addProject,
  addRun,
  artifactRow,
  attemptById,
  feedbackRow,
  openProfileWorld,
  removeWorlds,
  runById,
  storeArtifact,
  transcriptJson,
  type ProfileWorld,
} from './support/profile-world';

afterAll(removeWorlds);

const NOW = '2026-03-11T20:58:38.123+00:00';
const clock = { now: () => NOW };
const code = (c: string) => expect.objectContaining({ code: c });
const RUN_TEXT = 'Um, so basically our API is like really fast. Like, you know, the API handles 2024 requests.';

interface RunWorld extends ProfileWorld {
  readonly runId: string;
}

/** A talk with one run whose transcript is stored and attached, ready for analysis. */
function runWorld(): RunWorld {
  const world = openProfileWorld();
  const transcriptId = storeArtifact(world, 'transcript', transcriptJson([{ t_end_ms: 59_500, text: ` ${RUN_TEXT} ` }]));
  const runId = addRun(world, addProject(world), { transcriptId });
  return { ...world, runId };
}

interface AttemptWorld extends ProfileWorld {
  readonly attemptId: string;
}

function attemptWorld(outputText: string | null = 'A short written answer about the API.'): AttemptWorld {
  const world = openProfileWorld();
  const transcriptId = storeArtifact(world, 'transcript', transcriptJson([{ t_end_ms: 5_000, text: 'spoken answer' }]));
  const attemptId = addAttempt(world, addProject(world), { questCode: 'A01', outputText, transcriptId });
  return { ...world, attemptId };
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

describe('recording auto feedback for a run (run_analyze)', () => {
  let world: RunWorld;
  beforeEach(() => {
    world = runWorld();
  });
  afterEach(() => world.db.close());

  it('stores the exact analysis bytes as a feedback artifact, the row, and links the run', () => {
    const feedbackId = analyzeRun(world.db, world.folder, world.runId, clock);

    const expected = serializeFeedback(buildFeedbackFromText(RUN_TEXT, 60));
    const feedback = world.db.get(feedbackRow, { id: feedbackId });
    expect(feedback).toEqual({
      id: feedbackId,
      subject_type: 'run',
      subject_id: world.runId,
      created_at: NOW,
      feedback_json_artifact_id: expect.stringMatching(/^art_[0-9a-f]{32}$/),
      overall_score: JSON.parse(expected).overall_score,
    });
    const artifactId = feedback?.feedback_json_artifact_id as string;
    const artifact = world.db.get(artifactRow, { id: artifactId });
    const file = readFileSync(join(world.folder, 'artifacts', 'feedback', `${artifactId}.json`));
    expect(file.toString('utf8')).toBe(expected);
    expect(artifact).toEqual({
      id: artifactId,
      type: 'feedback',
      local_relpath: `artifacts/feedback/${artifactId}.json`,
      sha256: sha256(file),
      bytes: file.length,
      created_at: NOW,
      metadata_json: `{"run_id":"${world.runId}","source":"transcript"}`,
    });
    expect(world.db.get(runById, { id: world.runId })?.feedback_id).toBe(feedbackId);
    expect(feedbackId).toMatch(/^fb_[0-9a-f]{32}$/);
  });

  it('reads the stored feedback back with feedback_get', () => {
    const feedbackId = analyzeRun(world.db, world.folder, world.runId, clock);
    expect(getFeedback(world.db, world.folder, feedbackId)).toEqual(buildFeedbackFromText(RUN_TEXT, 60));
  });

  it('is idempotent: a linked run returns its feedback and writes nothing (docs/compatibility.md#feedback-8)', () => {
    const first = analyzeRun(world.db, world.folder, world.runId, clock);
    const before = captureWorld(world.databasePath, world.folder);
    expect(analyzeRun(world.db, world.folder, world.runId)).toBe(first);
    expect(captureWorld(world.databasePath, world.folder)).toEqual(before);
  });

  it('refuses to start outside a write transaction, before writing anything', () => {
    const before = captureWorld(world.databasePath, world.folder);
    expect(() =>
      recordAutoFeedback(world.db, world.folder, { subjectType: 'run', subjectId: world.runId, text: 'x', estimatedSec: 60 }),
    ).toThrow(code(DbErrorCode.NOT_IN_TRANSACTION));
    expect(captureWorld(world.databasePath, world.folder)).toEqual(before);
  });

  it('leaves nothing behind when the caller catches its failure and commits the rest', () => {
    const before = captureWorld(world.databasePath, world.folder);
    world.db.transaction(() => {
      world.db.observeSteps((event) => {
        if (event.kind === 'statement' && event.detail.startsWith('insert into "auto_feedback"')) {
          throw new DbError(DbErrorCode.INJECTED_FAULT, INJECTED_FAULT_MESSAGE);
        }
      });
      try {
        recordAutoFeedback(world.db, world.folder, { subjectType: 'run', subjectId: world.runId, text: 'x', estimatedSec: 60 });
      } catch (error) {
        expect(isDbError(error, DbErrorCode.INJECTED_FAULT)).toBe(true);
      } finally {
        world.db.observeSteps(undefined);
      }
    });
    expect(captureWorld(world.databasePath, world.folder)).toEqual(before);
  });

  it('rolls the whole unit back, file included, when the link misses its run', () => {
    const before = captureWorld(world.databasePath, world.folder);
    expect(() =>
      world.db.transaction(() => {
        recordAutoFeedback(world.db, world.folder, { subjectType: 'run', subjectId: world.runId, text: 'x', estimatedSec: 60 });
        throw new Error('run_update_missing');
      }),
    ).toThrow('run_update_missing');
    expect(captureWorld(world.databasePath, world.folder)).toEqual(before);
  });

  it('leaves the database and the folder unchanged when any step fails', () => {
    const scenario: FaultScenario<RunWorld> = {
      setup: runWorld,
      flow: (w) => analyzeRun(w.db, w.folder, w.runId, clock),
    };
    const replays = replayWithFaults(scenario);
    const kinds = new Set(replays.map((r) => r.event.kind));
    expect(kinds).toEqual(new Set(['statement', 'file', 'commit']));
    expect(replays.filter((r) => r.event.kind === 'file').map((r) => r.event.detail)).toEqual([
      'artifact mkdir',
      'artifact write',
      'artifact rename',
    ]);
    for (const replay of replays) {
      const cause = replay.event.kind === 'file' ? (replay.error as { cause?: unknown }).cause : replay.error;
      expect(cause).toMatchObject({ code: DbErrorCode.INJECTED_FAULT });
      expect(replay.after).toEqual(replay.before);
    }
  });
});

describe('recording auto feedback for a quest attempt (analyze_attempt)', () => {
  it('analyses the written answer with the quest duration and records source text', () => {
    const world = attemptWorld();
    try {
      const feedbackId = analyzeAttempt(world.db, world.folder, world.attemptId, clock);
      const feedback = world.db.get(feedbackRow, { id: feedbackId });
      expect(feedback).toMatchObject({ subject_type: 'quest_attempt', subject_id: world.attemptId, created_at: NOW });
      const artifact = world.db.get(artifactRow, { id: feedback?.feedback_json_artifact_id as string });
      expect(artifact?.metadata_json).toBe(`{"attempt_id":"${world.attemptId}","source":"text"}`);
      const a01Seconds = 180; // estimated_sec of the seeded A01 quest (0006_seed_quests)
      expect(getFeedback(world.db, world.folder, feedbackId)).toEqual(
        buildFeedbackFromText('A short written answer about the API.', a01Seconds),
      );
      expect(world.db.get(attemptById, { id: world.attemptId })?.feedback_id).toBe(feedbackId);
    } finally {
      world.db.close();
    }
  });

  it('analyses the transcript when there is no written answer and records source transcript', () => {
    const world = attemptWorld(null);
    try {
      const feedbackId = analyzeAttempt(world.db, world.folder, world.attemptId, clock);
      const artifactId = world.db.get(feedbackRow, { id: feedbackId })?.feedback_json_artifact_id as string;
      expect(world.db.get(artifactRow, { id: artifactId })?.metadata_json).toBe(
        `{"attempt_id":"${world.attemptId}","source":"transcript"}`,
      );
    } finally {
      world.db.close();
    }
  });

  it('is not idempotent: each request adds a feedback and re-points the attempt (docs/compatibility.md#feedback-8)', () => {
    const world = attemptWorld();
    try {
      const first = analyzeAttempt(world.db, world.folder, world.attemptId, clock);
      const second = analyzeAttempt(world.db, world.folder, world.attemptId, clock);
      expect(second).not.toBe(first);
      expect(world.db.get(feedbackRow, { id: first })).toBeDefined();
      expect(world.db.get(attemptById, { id: world.attemptId })?.feedback_id).toBe(second);
    } finally {
      world.db.close();
    }
  });

  it('rolls back when the attempt link touches no row', () => {
    const world = attemptWorld();
    try {
      const before = captureWorld(world.databasePath, world.folder);
      expect(() => analyzeAttempt(world.db, world.folder, world.attemptId, { linkTo: 'att_missing' })).toThrow(
        code('attempt_update_missing'),
      );
      expect(captureWorld(world.databasePath, world.folder)).toEqual(before);
    } finally {
      world.db.close();
    }
  });

  it('leaves the database and the folder unchanged when any step fails', () => {
    const replays = replayWithFaults<AttemptWorld>({
      setup: () => attemptWorld(null),
      flow: (w) => analyzeAttempt(w.db, w.folder, w.attemptId, clock),
    });
    expect(replays.length).toBeGreaterThan(5);
    for (const replay of replays) expect(replay.after).toEqual(replay.before);
  });
});

describe('feedback_get errors', () => {
  let world: ProfileWorld;
  beforeEach(() => {
    world = openProfileWorld();
  });
  afterEach(() => world.db.close());

  /** A feedback row whose artifact holds the given document. */
  function feedbackWith(document: string): string {
    const artifactId = storeArtifact(world, 'feedback', document);
    return addFeedbackRow(world, 'run', 'run_any', { artifactId });
  }

  const valid = serializeFeedback(buildFeedbackFromText('Hello world.', 600));

  it('reports an unknown feedback', () => {
    expect(() => getFeedback(world.db, world.folder, 'fb_missing')).toThrow(code('feedback_not_found'));
  });

  it('reports an artifact of another type', () => {
    const transcript = storeArtifact(world, 'transcript', valid);
    const feedbackId = addFeedbackRow(world, 'run', 'run_any', { artifactId: transcript });
    expect(() => getFeedback(world.db, world.folder, feedbackId)).toThrow(code('artifact_not_feedback'));
  });

  it('reports a missing file, and a path leaving the profile folder', () => {
    const missing = addFeedbackRow(world, 'run', 'run_any', { artifactId: addArtifactRow(world) });
    expect(() => getFeedback(world.db, world.folder, missing)).toThrow(code('artifact_read_failed'));
    const escaping = addFeedbackRow(world, 'run', 'run_any', {
      artifactId: addArtifactRow(world, 'feedback', '../../etc/passwd'),
    });
    expect(() => getFeedback(world.db, world.folder, escaping)).toThrow(code('artifact_path_not_allowed'));
  });

  it('reports a row whose artifact is gone (a file a downgraded app wrote with foreign keys off)', () => {
    const feedbackId = newId('fb');
    world.db.close();
    const raw = new Database(world.databasePath);
    raw.pragma('foreign_keys = OFF');
    const insert = qb
      .insertInto('auto_feedback')
      .values({
        id: feedbackId,
        subject_type: 'run',
        subject_id: 'run_any',
        created_at: NOW,
        feedback_json_artifact_id: 'art_gone',
        overall_score: 50,
      })
      .compile();
    raw.prepare(insert.sql).run(...insert.parameters);
    raw.close();
    world = { ...world, db: openDatabase(world.databasePath, 'profile', { safeguards: TEST_SAFEGUARDS }).db };
    expect(() => getFeedback(world.db, world.folder, feedbackId)).toThrow(code('artifact_not_found'));
  });

  it.each([
    ['not JSON', '{"schema_version":"1.0.0"'],
    ['a missing metric', valid.replace(',"density_score":8.0', '')],
    ['missing jargon terms', valid.replace(',"jargon_terms":[]', '')],
    ['a fractional score', valid.replace('"overall_score":90', '"overall_score":90.5')],
    ['a missing top-level key', valid.replace('"comments":[],', '')],
    ['an incomplete action', valid.replace('"top_actions":[]', '"top_actions":[{"action_id":"x","title":"t"}]')],
    ['a comment without times', valid.replace('"comments":[]', '"comments":[{"severity":"low","label":"l","suggestion":"s"}]')],
    ['a repeat term that is not a string', valid.replace('"repeat_terms":[]', '"repeat_terms":[1]')],
  ])('reports %s as a parse failure', (_case, document) => {
    expect(() => getFeedback(world.db, world.folder, feedbackWith(document))).toThrow(code('feedback_parse_failed'));
  });

  it('ignores unknown keys and reads comments, with absent evidence as null', () => {
    const document = valid
      .replace('"schema_version":"1.0.0"', '"schema_version":"1.0.0","extra":{"a":1}')
      .replace(
        '"comments":[]',
        '"comments":[{"t_start_ms":0,"t_end_ms":900,"severity":"low","label":"pace","suggestion":"slow down"},' +
          '{"t_start_ms":1,"t_end_ms":2,"severity":"high","label":"l","evidence":{"quote":"x"},"suggestion":"s","more":true}]',
      );
    const feedback = getFeedback(world.db, world.folder, feedbackWith(document));
    expect(feedback).not.toHaveProperty('extra');
    expect(feedback.comments).toEqual([
      { t_start_ms: 0, t_end_ms: 900, severity: 'low', label: 'pace', evidence: null, suggestion: 'slow down' },
      { t_start_ms: 1, t_end_ms: 2, severity: 'high', label: 'l', evidence: { quote: 'x' }, suggestion: 's' },
    ]);
  });

  it('reads a file that was edited after it was stored (no hash check on read)', () => {
    const feedbackId = feedbackWith(valid);
    const artifactId = world.db.get(feedbackRow, { id: feedbackId })?.feedback_json_artifact_id as string;
    writeFileSync(join(world.folder, 'artifacts', 'feedback', `${artifactId}.json`), valid.replace('"overall_score":90', '"overall_score":12'));
    expect(getFeedback(world.db, world.folder, feedbackId).overall_score).toBe(12);
  });
});
