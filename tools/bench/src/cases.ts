import { Kysely, SqliteDialect } from 'kysely';
import { defineQuery, profileQueryBuilder, type ProfileSchema, type QueryParams } from '@lepupitre/db-core';
import {
  CHECKPOINT_PRAGMA,
  openPosturedConnection,
  writeCaseHarness,
  type BenchCase,
  type BenchContext,
  type Dataset,
} from '@lepupitre/bench/harness';
import { preparedWriteTransaction } from './connections';
import { BASELINE_SQL } from './queries';

export type ImplementationName = 'raw' | 'dbCore' | 'kysely';

export type ExecutionPathCase = BenchCase<ImplementationName>;

export const LATEST_RUNS_LIMIT = 12;

const talkById = defineQuery((p: QueryParams<{ id: string }>) =>
  profileQueryBuilder.selectFrom('talk_projects').selectAll().where('id', '=', p.id),
);

const latestRunsOfTalk = defineQuery((p: QueryParams<{ projectId: string }>) =>
  profileQueryBuilder
    .selectFrom('runs')
    .selectAll()
    .where('project_id', '=', p.projectId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(LATEST_RUNS_LIMIT),
);

const insertRun = defineQuery((p: QueryParams<{ id: string; projectId: string; createdAt: string }>) =>
  profileQueryBuilder.insertInto('runs').values({ id: p.id, project_id: p.projectId, created_at: p.createdAt }),
);

/**
 * The three cases, each with three implementations over the same file: a hand-written
 * better-sqlite3 baseline, db-core's compiled-query path, and Kysely executing through its own
 * SqliteDialect (asynchronous, compiled and prepared on every call), which is the path
 * db-core exists to avoid. The baseline and Kysely get their own connections with db-core's
 * posture; db-core uses the handle that built the data. Kysely's `transaction()` begins with a
 * plain deferred BEGIN: that is its own path, kept as shipped, and for a transaction that
 * only inserts it takes the same lock at the first write.
 */
export async function createCases(data: Dataset): Promise<BenchContext<ImplementationName>> {
  const raw = openPosturedConnection(data.path);
  const kysely = new Kysely<ProfileSchema>({ dialect: new SqliteDialect({ database: openPosturedConnection(data.path) }) });
  const db = data.db;
  const ids = data.talkIds;
  const talkAt = (i: number) => ids[i % ids.length] as string;
  const at = data.insertTimestamp;
  // Each implementation numbers its own runs, so ids stay unique however often it is called.
  const sequence = (prefix: string) => {
    let next = 0;
    return () => `${prefix}-${next++}`;
  };
  const runId = { raw: sequence('bench-raw'), dbCore: sequence('bench-db-core'), kysely: sequence('bench-kysely') };
  // Reads then start from the database file, not from a WAL holding the whole seed.
  raw.pragma(CHECKPOINT_PRAGMA);

  const rawStatements = {
    talkById: raw.prepare(BASELINE_SQL.talkById),
    latestRuns: raw.prepare(BASELINE_SQL.latestRunsOfTalk),
    insertRun: raw.prepare(BASELINE_SQL.insertRun),
  };
  const rawWrite = preparedWriteTransaction(raw);

  const pointSelect: ExecutionPathCase = {
    name: 'point-select',
    description: 'talk_projects by primary key',
    implementations: {
      raw: { kind: 'sync', call: (i) => rawStatements.talkById.get(talkAt(i)) },
      dbCore: { kind: 'sync', call: (i) => db.get(talkById, { id: talkAt(i) }) },
      kysely: {
        kind: 'async',
        call: (i) => kysely.selectFrom('talk_projects').selectAll().where('id', '=', talkAt(i)).executeTakeFirst(),
      },
    },
    check: async () => [
      rawStatements.talkById.get(talkAt(7)),
      db.get(talkById, { id: talkAt(7) }),
      await kysely.selectFrom('talk_projects').selectAll().where('id', '=', talkAt(7)).executeTakeFirst(),
    ],
  };

  const kyselyLatestRuns = (projectId: string) =>
    kysely
      .selectFrom('runs')
      .selectAll()
      .where('project_id', '=', projectId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(LATEST_RUNS_LIMIT)
      .execute();

  const smallList: ExecutionPathCase = {
    name: 'latest-12-runs',
    description: `the ${LATEST_RUNS_LIMIT} latest runs of a talk`,
    implementations: {
      raw: { kind: 'sync', call: (i) => rawStatements.latestRuns.all(talkAt(i), LATEST_RUNS_LIMIT) },
      dbCore: { kind: 'sync', call: (i) => db.all(latestRunsOfTalk, { projectId: talkAt(i) }) },
      kysely: { kind: 'async', call: (i) => kyselyLatestRuns(talkAt(i)) },
    },
    check: async () => [
      rawStatements.latestRuns.all(talkAt(0), LATEST_RUNS_LIMIT),
      db.all(latestRunsOfTalk, { projectId: talkAt(0) }),
      await kyselyLatestRuns(talkAt(0)),
    ],
  };

  const insertInTransaction: ExecutionPathCase = {
    name: 'insert-run-tx',
    description: 'one run inserted in its own write transaction',
    harness: writeCaseHarness(raw),
    writes: true,
    implementations: {
      raw: {
        kind: 'sync',
        call: (i) => rawWrite(() => rawStatements.insertRun.run(runId.raw(), talkAt(i), at)),
      },
      dbCore: {
        kind: 'sync',
        call: (i) => db.transaction(() => db.run(insertRun, { id: runId.dbCore(), projectId: talkAt(i), createdAt: at })),
      },
      kysely: {
        kind: 'async',
        call: (i) =>
          kysely
            .transaction()
            .execute((trx) =>
              trx.insertInto('runs').values({ id: runId.kysely(), project_id: talkAt(i), created_at: at }).execute(),
            ),
      },
    },
  };

  return {
    cases: [pointSelect, smallList, insertInTransaction],
    close: async () => {
      await kysely.destroy();
      raw.close();
    },
  };
}
