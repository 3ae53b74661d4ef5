/**
 * `nx g @lepupitre/generators:migration --scope=<scope> --name=<snake_case>`: appends a migration
 * to a scope's history with a placeholder step, and lists it everywhere the history is listed,
 * so that lint, typecheck and codegen-check pass at once and the one failing spec says what is
 * left to write (docs/feature-teams.md, "Adding a column").
 */
import { logger, type GeneratorCallback, type Tree } from '@nx/devkit';
// The engine's own checksum, not a copy that could drift from the line db-core's spec compares with.
import { isDatabaseScope, migrationChecksum, type DatabaseScope } from '@lepupitre/db-core';
import { camelCase } from '../text-case';
import { appendChecksumLine, appendDocsRow, appendToIndex, nextMigrationNumber } from './history-edits';
import { skeletonMigration, skeletonSource } from './migration-skeleton';

export interface MigrationGeneratorOptions {
  readonly scope: string;
  readonly name: string;
}

export const MIGRATIONS_FOLDER = 'packages/db-core/src/migrations';
export const CHECKSUM_SPEC = 'packages/db-core/test/migration-checksums.spec.ts';
export const MIGRATIONS_DOC = 'docs/migrations.md';

export default function migrationGenerator(tree: Tree, options: MigrationGeneratorOptions): GeneratorCallback {
  const { scope, name } = options;
  if (!isDatabaseScope(scope)) throw new Error(`--scope must be global or profile, not ${scope}`);
  if (!/^[a-z][a-z0-9_]*$/.test(name)) throw new Error(`--name must be snake_case (a-z, 0-9, _), not ${name}`);
  const folder = `${MIGRATIONS_FOLDER}/${scope}`;
  const files = tree.children(folder);
  const taken = files.find((file) => file.slice(5) === `${name}.ts` && /^\d{4}_/.test(file));
  if (taken) throw new Error(`the ${scope} history already has a migration named ${name}: ${taken}`);

  const id = `${nextMigrationNumber(files)}_${name}`;
  const migration = skeletonMigration(scope, id);
  tree.write(`${folder}/${id}.ts`, skeletonSource(migration));
  edit(tree, `${folder}/index.ts`, (source) => appendToIndex(source, id, camelCase(name)));
  edit(tree, CHECKSUM_SPEC, (spec) => appendChecksumLine(spec, scope, id, migrationChecksum(migration)));
  edit(tree, MIGRATIONS_DOC, (doc) => appendDocsRow(doc, scope, id));
  return () => logger.info(nextSteps(scope, id));
}

function edit(tree: Tree, path: string, change: (text: string) => string): void {
  const text = tree.read(path, 'utf-8');
  if (text === null) throw new Error(`${path} is missing`);
  tree.write(path, change(text));
}

/** What the generator leaves to the person, printed once the files are written. */
export function nextSteps(scope: DatabaseScope, id: string): string {
  return [
    `Migration ${id} is appended to the ${scope} history with a placeholder step (a no-op, so the schema types are unchanged).`,
    'Left for you:',
    `  1. Write its steps and doc comment in ${MIGRATIONS_FOLDER}/${scope}/${id}.ts, and its row in ${MIGRATIONS_DOC} and docs/release-notes.md.`,
    '  2. npm run codegen, and commit the regenerated packages/db-core/src/schema/*-schema.ts.',
    `  3. npx nx test db-core: migration-placeholders.spec.ts fails until step 1 is done; then migration-checksums.spec.ts prints the new checksum of ${id} for its line.`,
    '  4. If it changes rows, state their outcome in tools/fixtures (the expected outcomes of the fixtures) and extend the migration matrix (packages/db-ops/test/migration-matrix).',
  ].join('\n');
}
