import Database from 'better-sqlite3';
import { DomainError, ID_PATTERN, newId, trimUnicodeWhiteSpace, utcNow } from '@lepupitre/domain-primitives';
import {
  FeedbackErrorCode,
  listFeedbackTimeline,
  setFeedbackNote,
  TIMELINE_DEFAULT_LIMIT,
} from '@lepupitre/repo-feedback';
import { createRun, getActiveProject, listRuns, RUN_LIST_DEFAULT_LIMIT } from '@lepupitre/repo-talk';
import {
  NOTES,
  openPosturedConnection,
  spreadStride,
  writeCaseHarness,
  type BenchCase,
  type BenchContext,
  type Dataset,
} from '@lepupitre/bench/harness';
import { preparedWriteTransaction } from './connections';
import { REPOSITORY_SQL } from './queries';

export type RepositoryImplementationName = 'raw' | 'repository';

export type RepositoryCase = BenchCase<RepositoryImplementationName>;

/**
 * Repository hot calls, each against a hand-written better-sqlite3 equivalent: the same
 * statements (REPOSITORY_SQL), the same checks and errors, the same transaction shape for the
 * writes (BEGIN IMMEDIATE, the existence check, the write, COMMIT), and the same id and clock
 * functions, so that the ratio is what the repository layer costs (db-core's execution path,
 * row mapping, argument objects) and not different work. The baseline returns rows as
 * better-sqlite3 gives them; the repository maps them to its wire types, which hold the same
 * fields. The repositories use the handle that built the data; the baseline its own connection
 * with db-core's posture.
 */
export async function createRepositoryCases(data: Dataset): Promise<BenchContext<RepositoryImplementationName>> {
  const raw = openPosturedConnection(data.path);
  const db = data.db;
  const talks = data.talkIds;
  // Talks in a spread order (see spreadStride).
  const stride = spreadStride(talks.length);
  const talkAt = (i: number) => talks[(i * stride) % talks.length] as string;
  const analysed = data.analysedTalk;
  const feedbackAt = (i: number) => analysed.feedbackIds[i % analysed.feedbackIds.length] as string;
  const noteAt = (i: number) => NOTES[i % NOTES.length] as string;

  const sql = {
    activeTalk: raw.prepare(REPOSITORY_SQL.activeTalk),
    latestUpdatedTalk: raw.prepare(REPOSITORY_SQL.latestUpdatedTalk),
    setActiveTalk: raw.prepare(REPOSITORY_SQL.setActiveTalk),
    runsOfTalk: raw.prepare(REPOSITORY_SQL.runsOfTalk),
    talkFlags: raw.prepare(REPOSITORY_SQL.talkFlags),
    insertRun: raw.prepare(REPOSITORY_SQL.insertRun),
    feedbackExists: raw.prepare(REPOSITORY_SQL.feedbackExists),
    upsertNote: raw.prepare(REPOSITORY_SQL.upsertNote),
    deleteNote: raw.prepare(REPOSITORY_SQL.deleteNote),
    talkExists: raw.prepare(REPOSITORY_SQL.talkExists),
    timelineOfTalk: raw.prepare(REPOSITORY_SQL.timelineOfTalk),
    runById: raw.prepare(REPOSITORY_SQL.runById),
    noteOf: raw.prepare(REPOSITORY_SQL.noteOf),
  };
  const rawWrite = preparedWriteTransaction(raw);

  /** `getActiveProject`: the stored talk, else the repair under the write lock. */
  const rawActiveTalk = (): unknown => {
    const stored = sql.activeTalk.get();
    if (stored !== undefined) return stored;
    const fallback = sql.latestUpdatedTalk.get();
    if (fallback === undefined) return null;
    try {
      return rawWrite(() => {
        const current = sql.activeTalk.get();
        if (current !== undefined) return current;
        const latest = sql.latestUpdatedTalk.get() as { id: string } | undefined;
        if (latest === undefined) return null;
        sql.setActiveTalk.run(latest.id);
        return latest;
      });
    } catch (error) {
      // A repair that cannot be written still answers with the talk found.
      if (error instanceof Database.SqliteError) return fallback;
      throw error;
    }
  };

  /** `listRuns` with the default limit. */
  const rawRunsOfTalk = (projectId: string): unknown[] => sql.runsOfTalk.all(projectId, RUN_LIST_DEFAULT_LIMIT);

  /** `createRun`: id and time taken before the transaction, the talk checked inside it. */
  const rawCreateRun = (projectId: string): string => {
    const id = newId('run');
    const createdAt = utcNow();
    return rawWrite(() => {
      if (sql.talkFlags.get(projectId) === undefined) throw new DomainError('project_not_found');
      sql.insertRun.run(id, projectId, createdAt);
      return id;
    });
  };

  /** `setFeedbackNote`: trimmed outside, the feedback checked inside, then upsert or delete. */
  const rawSetNote = (feedbackId: string, note: string | null): void => {
    const trimmed = note === null ? '' : trimUnicodeWhiteSpace(note);
    rawWrite(() => {
      if (sql.feedbackExists.get(feedbackId) === undefined) throw new DomainError(FeedbackErrorCode.FEEDBACK_NOT_FOUND);
      if (trimmed === '') sql.deleteNote.run(feedbackId);
      else sql.upsertNote.run(feedbackId, trimmed, utcNow());
    });
  };

  /** `listFeedbackTimeline` for one talk, default limit: the talk checked, then the items. */
  const rawTimeline = (projectId: string): unknown[] => {
    if (sql.talkExists.get(projectId) === undefined) throw new DomainError(FeedbackErrorCode.PROJECT_NOT_FOUND);
    return sql.timelineOfTalk.all(projectId, projectId, TIMELINE_DEFAULT_LIMIT);
  };

  /** A stored run without what differs by design between two creations: its id and time. */
  const createdRun = (id: string) => {
    const { id: storedId, created_at: createdAt, ...rest } = sql.runById.get(id) as Record<string, unknown>;
    return { ...rest, idShape: ID_PATTERN.test(String(storedId)), timeShape: typeof createdAt === 'string' };
  };

  const getTalk: RepositoryCase = {
    name: 'get-talk',
    description: 'getActiveProject: the active talk (repo-talk reads no talk by id)',
    implementations: {
      raw: { kind: 'sync', call: () => rawActiveTalk() },
      repository: { kind: 'sync', call: () => getActiveProject(db) },
    },
    check: async () => [rawActiveTalk(), getActiveProject(db)],
  };

  const listRunsCase: RepositoryCase = {
    name: 'list-runs',
    description: `listRuns: the ${RUN_LIST_DEFAULT_LIMIT} (default limit) latest runs of a talk`,
    implementations: {
      raw: { kind: 'sync', call: (i) => rawRunsOfTalk(talkAt(i)) },
      repository: { kind: 'sync', call: (i) => listRuns(db, talkAt(i)) },
    },
    check: async () => [rawRunsOfTalk(talkAt(0)), listRuns(db, talkAt(0))],
  };

  const timeline: RepositoryCase = {
    name: 'feedback-timeline',
    description: `listFeedbackTimeline: the ${TIMELINE_DEFAULT_LIMIT} latest of a talk's ${analysed.runIds.length} analysed runs`,
    implementations: {
      raw: { kind: 'sync', call: () => rawTimeline(analysed.id) },
      repository: { kind: 'sync', call: () => listFeedbackTimeline(db, { projectId: analysed.id }) },
    },
    check: async () => [rawTimeline(analysed.id), listFeedbackTimeline(db, { projectId: analysed.id })],
  };

  const createRunCase: RepositoryCase = {
    name: 'create-run',
    description: 'createRun: talk checked and run inserted in one write transaction',
    harness: writeCaseHarness(raw),
    writes: true,
    implementations: {
      raw: { kind: 'sync', call: (i) => rawCreateRun(talkAt(i)) },
      repository: { kind: 'sync', call: (i) => createRun(db, talkAt(i)) },
    },
    check: async () => [createdRun(rawCreateRun(talkAt(0))), createdRun(createRun(db, talkAt(0)))],
  };

  const setNote: RepositoryCase = {
    name: 'set-note',
    description: 'setFeedbackNote: feedback checked and note upserted in one write transaction',
    harness: writeCaseHarness(raw),
    writes: true,
    implementations: {
      raw: { kind: 'sync', call: (i) => rawSetNote(feedbackAt(i), noteAt(i)) },
      repository: { kind: 'sync', call: (i) => setFeedbackNote(db, feedbackAt(i), noteAt(i)) },
    },
    // Two feedback rows without a note at first, so both paths insert one.
    check: async () => {
      rawSetNote(feedbackAt(1), noteAt(1));
      setFeedbackNote(db, feedbackAt(2), noteAt(1));
      return [sql.noteOf.get(feedbackAt(1)), sql.noteOf.get(feedbackAt(2))];
    },
  };

  return {
    cases: [getTalk, listRunsCase, timeline, createRunCase, setNote],
    close: async () => {
      raw.close();
    },
  };
}
