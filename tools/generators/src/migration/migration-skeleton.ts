import type { DatabaseScope, Migration } from '@lepupitre/db-core';

/**
 * The words that mark a generated step nobody has written yet. db-core's
 * `migration-placeholders.spec.ts` fails on any migration whose summary or steps hold them, naming
 * the migration, so a skeleton cannot ship unnoticed.
 */
export const PLACEHOLDER_MARK = 'fill in migration';

/**
 * The migration as the skeleton defines it, for its checksum. The step is a valid no-op rather
 * than one that throws: a throwing step would stop codegen and every test that opens a database
 * of the scope, hundreds of failures that say nothing, where one failing spec says what to do.
 */
export function skeletonMigration(scope: DatabaseScope, id: string): Migration {
  return {
    id,
    scope,
    summary: `${PLACEHOLDER_MARK} ${id}: what it changes`,
    steps: [{ sql: `SELECT '${PLACEHOLDER_MARK} ${id}'` }],
  };
}

/** The source of `<scope>/<id>.ts`, in the shape of the shipped migrations. */
export function skeletonSource(migration: Migration): string {
  const step = migration.steps[0];
  if (!step) throw new Error(`the skeleton of ${migration.id} has no step`);
  return `import { defineMigration } from '../migration';

/**
 * ${PLACEHOLDER_MARK} ${migration.id}: why it exists and what it does to each kind of row already
 * stored (docs/migrations.md, "Adding a migration").
 *
 * The step below is a generated placeholder, a no-op that names this migration:
 * migration-placeholders.spec.ts fails until the real steps replace it.
 */
export default defineMigration({
  id: '${migration.id}',
  scope: '${migration.scope}',
  summary: '${migration.summary}',
  steps: [{ sql: "${step.sql}" }],
});
`;
}
