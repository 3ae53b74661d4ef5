/**
 * `nx g @lepupitre/generators:context --name=<name>`: a bounded-context package
 * `packages/repo-<name>` in the shape of the others (a first query over an existing table, its
 * repository function, a repository test and the query-plan gate), registered with the
 * module-boundary rules and the SQL catalogue, and a docs stub (docs/feature-teams.md, "Adding
 * a context").
 */
import { generateFiles, logger, readJson, updateJson, type GeneratorCallback, type Tree } from '@nx/devkit';
import { join } from 'node:path';
import { camelCase, pascalCase } from '../text-case';
import { addCatalogueEntry, addLintScope } from './registrations';

export interface ContextGeneratorOptions {
  readonly name: string;
}

export const LINT_CONFIG = 'eslint.config.mjs';
export const CATALOGUE_PACKAGES = 'tools/sql-catalogue/src/context-packages.ts';
export const CATALOGUE_MANIFEST = 'tools/sql-catalogue/package.json';
export const CONTEXT_DOCS = 'docs/contexts';

export default function contextGenerator(tree: Tree, options: ContextGeneratorOptions): GeneratorCallback {
  const { name } = options;
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(name)) throw new Error(`--name must be kebab-case (a-z, 0-9, -), not ${name}`);
  const root = `packages/repo-${name}`;
  if (tree.exists(root)) throw new Error(`${root} already exists`);

  // The workspace's packages share one version; the engine's is the reference.
  const version = readJson<{ version: string }>(tree, 'packages/db-core/package.json').version;
  const substitutions = { name, pascal: pascalCase(name), version, tmpl: '' };
  generateFiles(tree, join(__dirname, 'files/package'), root, substitutions);
  if (tree.exists(CONTEXT_DOCS)) generateFiles(tree, join(__dirname, 'files/docs'), CONTEXT_DOCS, substitutions);

  edit(tree, LINT_CONFIG, (config) => addLintScope(config, name));
  edit(tree, CATALOGUE_PACKAGES, (source) => addCatalogueEntry(source, name, `${camelCase(name)}Queries`));
  updateJson<{ dependencies: Record<string, string> }>(tree, CATALOGUE_MANIFEST, (manifest) => {
    const dependencies = { ...manifest.dependencies, [`@lepupitre/repo-${name}`]: version };
    manifest.dependencies = Object.fromEntries(Object.entries(dependencies).sort(([a], [b]) => a.localeCompare(b)));
    return manifest;
  });
  return () => logger.info(nextSteps(name));
}

function edit(tree: Tree, path: string, change: (text: string) => string): void {
  const text = tree.read(path, 'utf-8');
  if (text === null) throw new Error(`${path} is missing`);
  tree.write(path, change(text));
}

/** What the generator leaves to the person, printed once the files are written. */
export function nextSteps(name: string): string {
  return [
    `packages/repo-${name} is written, with the scope:${name} boundary rules and its entry in the SQL catalogue.`,
    'Left for you:',
    `  1. npm install: links @lepupitre/repo-${name} into node_modules and records it in package-lock.json (the SQL catalogue imports it by name).`,
    `  2. npx nx run sql-catalogue:sql: writes packages/repo-${name}/queries.sql; commit it with the package.`,
    `  3. Replace the first query (talkTitleById) with the context's own, in src/queries.ts, src/repo.ts and their tests.`,
    `  4. Fill in docs/contexts/${name}.md, and add the package to the table of docs/architecture.md.`,
  ].join('\n');
}
