import Database from 'better-sqlite3';
import { join } from 'node:path';
import {
  DbErrorCode,
  defineQuery,
  isDbError,
  openDatabase,
  profileQueryBuilder as qb,
  type DatabaseHandle,
  type QueryParams,
} from '../src';
import { useTempDir } from '@lepupitre/fixtures';
import { UNGUARDED } from './support/test-safeguards';

const insertTalk = defineQuery(
  (p: QueryParams<{ id: string; title: string; number: number | null; at: string }>) =>
    qb.insertInto('talk_projects').values({
      id: p.id,
      title: p.title,
      talk_number: p.number,
      stage: 'draft',
      created_at: p.at,
      updated_at: p.at,
    }),
);
const talkById = defineQuery((p: QueryParams<{ id: string }>) =>
  qb.selectFrom('talk_projects').select(['id', 'title', 'talk_number', 'is_training']).where('id', '=', p.id),
);
const talksByStage = defineQuery((p: QueryParams<{ stage: string; limit: number }>) =>
  qb.selectFrom('talk_projects').select(['id']).where('stage', '=', p.stage).orderBy('id').limit(p.limit),
);
const countTalks = defineQuery(() => qb.selectFrom('talk_projects').select((eb) => eb.fn.countAll<number>().as('n')));

describe('compiled query execution', () => {
  const dir = useTempDir();
  let db: DatabaseHandle;

  beforeEach(() => {
    db = openDatabase(join(dir(), 'profile.db'), 'profile', { safeguards: UNGUARDED }).db;
  });
  afterEach(() => db.close());

  it('compiles a static query once, with ? placeholders bound per call', () => {
    expect(talkById.sql).toBe('select "id", "title", "talk_number", "is_training" from "talk_projects" where "id" = ?');
    db.run(insertTalk, { id: 'proj_1', title: 'One', number: 1, at: '2026-03-01T10:00:00+00:00' });
    db.run(insertTalk, { id: 'proj_2', title: 'Two', number: 2, at: '2026-03-01T10:00:01+00:00' });
    expect(db.get(talkById, { id: 'proj_2' })).toEqual({ id: 'proj_2', title: 'Two', talk_number: 2, is_training: 0 });
    expect(db.get(talkById, { id: 'proj_1' })?.title).toBe('One');
    expect(db.get(talkById, { id: 'missing' })).toBeUndefined();
  });

  it('binds constants of the builder and parameters in their positions', () => {
    for (let i = 0; i < 5; i++) {
      db.run(insertTalk, { id: `proj_${i}`, title: `T${i}`, number: i + 1, at: '2026-03-01T10:00:00+00:00' });
    }
    expect(db.all(talksByStage, { stage: 'draft', limit: 3 }).map((r) => r.id)).toEqual(['proj_0', 'proj_1', 'proj_2']);
    expect(db.all(talksByStage, { stage: 'other', limit: 3 })).toEqual([]);
    expect(db.get(countTalks)?.n).toBe(5);
  });

  it('binds a missing or undefined argument as NULL', () => {
    db.run(insertTalk, { id: 'proj_n', title: 'N', number: undefined as unknown as null, at: '2026-03-01T10:00:00+00:00' });
    expect(db.get(talkById, { id: 'proj_n' })?.talk_number).toBeNull();
  });

  it('reports affected rows of a write', () => {
    const result = db.run(insertTalk, { id: 'proj_1', title: 'One', number: 1, at: '2026-03-01T10:00:00+00:00' });
    expect(result.changes).toBe(1);
  });

  it('raises a typed, safe error for a constraint failure', () => {
    db.run(insertTalk, { id: 'proj_1', title: 'One', number: 1, at: '2026-03-01T10:00:00+00:00' });
    let caught: unknown;
    try {
      db.run(insertTalk, { id: 'proj_1', title: 'Again', number: 2, at: '2026-03-01T10:00:00+00:00' });
    } catch (error) {
      caught = error;
    }
    expect(isDbError(caught, DbErrorCode.CONSTRAINT)).toBe(true);
    const message = (caught as Error).message;
    expect(message).toContain('unique constraint');
    expect(message).not.toMatch(/talk_projects|insert|select/i);
    expect((caught as { details: Record<string, unknown> }).details.sqliteCode).toBe('SQLITE_CONSTRAINT_PRIMARYKEY');
  });

  it('refuses work on a closed handle with DB_CLOSED', () => {
    db.close();
    expect(() => db.get(talkById, { id: 'x' })).toThrow(expect.objectContaining({ code: DbErrorCode.CLOSED }));
  });

  it('a Kysely execute() reaches no database: the builder has no driver', async () => {
    await expect(qb.selectFrom('talk_projects').selectAll().execute()).resolves.toEqual([]);
    // The DummyDriver returns nothing: a repository that calls execute() would read no rows,
    // which the repository tests catch; nothing reaches the file.
    db.run(insertTalk, { id: 'proj_1', title: 'One', number: 1, at: '2026-03-01T10:00:00+00:00' });
    await expect(qb.selectFrom('talk_projects').selectAll().execute()).resolves.toEqual([]);
  });

  it('reuses one prepared statement per static query', () => {
    const prepare = jest.spyOn(Database.prototype, 'prepare');
    for (let i = 0; i < 10; i++) db.get(talkById, { id: `proj_${i}` });
    expect(prepare.mock.calls.filter(([sql]) => sql === talkById.sql)).toHaveLength(1);
    prepare.mockRestore();
  });
});
