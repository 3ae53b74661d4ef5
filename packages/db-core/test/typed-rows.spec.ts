import { defineQuery, profileQueryBuilder as qb, type PreparedQuery, type QueryParams } from '../src';

/**
 * Compile-time guarantees, checked by the `typecheck` target: a row type comes from the
 * generated schema through the compiled query, so an unknown column or a wrong argument type
 * is a build error. Each `@ts-expect-error` fails the typecheck if the error it expects ever
 * disappears.
 */
type RowOf<Q> = Q extends PreparedQuery<unknown, infer R> ? R : never;
type ArgsOf<Q> = Q extends PreparedQuery<infer P, unknown> ? P : never;

const runsOfTalk = defineQuery((p: QueryParams<{ projectId: string; limit: number }>) =>
  qb.selectFrom('runs').select(['id', 'created_at', 'audio_artifact_id']).where('project_id', '=', p.projectId).limit(p.limit),
);

const rowShape: RowOf<typeof runsOfTalk> = { id: 'run_1', created_at: '2026-03-01T10:00:00+00:00', audio_artifact_id: null };
const argShape: ArgsOf<typeof runsOfTalk> = { projectId: 'proj_1', limit: 12 };

// @ts-expect-error a column that the schema does not have
defineQuery(() => qb.selectFrom('runs').select(['id', 'audio_path']));
// @ts-expect-error a parameter of the wrong type for the column
defineQuery((p: QueryParams<{ id: number }>) => qb.selectFrom('runs').selectAll().where('id', '=', p.id));
// @ts-expect-error a table that does not exist
defineQuery(() => qb.selectFrom('talks').selectAll());

describe('typed rows', () => {
  it('carries the SQL of the compiled builder', () => {
    expect(runsOfTalk.sql).toBe('select "id", "created_at", "audio_artifact_id" from "runs" where "project_id" = ? limit ?');
    expect(rowShape.id).toBe('run_1');
    expect(argShape.limit).toBe(12);
  });
});
