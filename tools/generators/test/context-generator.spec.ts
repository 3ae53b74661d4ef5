import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import type { Tree } from '@nx/devkit';
import { contextGenerator } from '../src';
import { CATALOGUE_MANIFEST, CATALOGUE_PACKAGES, CONTEXT_DOCS, LINT_CONFIG, nextSteps } from '../src/context/generator';
import { expectLinesAdded, seedFromWorkspace, workspaceText } from './workspace-files';

/** The generator on a virtual tree holding the real files it reads and edits. */
describe('the context generator', () => {
  let tree: Tree;
  let before: Map<string, string | undefined>;
  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
    seedFromWorkspace(tree, LINT_CONFIG, CATALOGUE_PACKAGES, CATALOGUE_MANIFEST, 'packages/db-core/package.json', `${CONTEXT_DOCS}/quest.md`);
    before = new Map(tree.listChanges().map((c) => [c.path, c.content?.toString()] as const));
  });
  const version = JSON.parse(workspaceText('packages/db-core/package.json')).version as string;
  const changes = (): string[] =>
    tree
      .listChanges()
      .filter((c) => before.get(c.path) !== c.content?.toString())
      .map((c) => `${before.has(c.path) ? 'UPDATE' : 'CREATE'} ${c.path}`)
      .sort();

  it('writes the package in the shape of the others, a docs stub, and registers the scope and the queries', () => {
    contextGenerator(tree, { name: 'talk-tags' });
    const root = 'packages/repo-talk-tags';
    expect(changes()).toEqual(
      [
        ...['jest.config.cjs', 'package.json', 'project.json', 'tsconfig.json', 'tsconfig.build.json', 'src/index.ts', 'src/queries.ts', 'src/repo.ts', 'src/types.ts']
          .concat(['test/query-plans.spec.ts', 'test/repo.spec.ts'])
          .map((file) => `CREATE ${root}/${file}`),
        `CREATE ${CONTEXT_DOCS}/talk-tags.md`,
        `UPDATE ${CATALOGUE_MANIFEST}`,
        `UPDATE ${CATALOGUE_PACKAGES}`,
        `UPDATE ${LINT_CONFIG}`,
      ].sort(),
    );

    expect(JSON.parse(tree.read(`${root}/package.json`, 'utf-8') ?? '')).toEqual({
      name: '@lepupitre/repo-talk-tags',
      version,
      private: true,
      main: './dist/index.js',
      types: './dist/index.d.ts',
      exports: {
        '.': { '@lepupitre/source': './src/index.ts', types: './dist/index.d.ts', default: './dist/index.js' },
        './queries': { '@lepupitre/source': './src/queries.ts', types: './dist/queries.d.ts', default: './dist/queries.js' },
        './package.json': './package.json',
      },
      files: ['dist'],
      dependencies: { '@lepupitre/db-core': version, '@lepupitre/domain-primitives': version },
      devDependencies: { '@lepupitre/fixtures': version, '@lepupitre/testing': version },
    });
    expect(JSON.parse(tree.read(`${root}/project.json`, 'utf-8') ?? '')).toEqual({
      $schema: '../../node_modules/nx/schemas/project-schema.json',
      name: 'repo-talk-tags',
      projectType: 'library',
      sourceRoot: `${root}/src`,
      tags: ['scope:talk-tags', 'type:repo'],
      targets: {
        build: {
          executor: 'nx:run-commands',
          options: {
            commands: [
              `node -e "require('node:fs').rmSync('{projectRoot}/dist', { recursive: true, force: true })"`,
              'tsc -p {projectRoot}/tsconfig.build.json',
            ],
            parallel: false,
          },
        },
        typecheck: { executor: 'nx:run-commands', options: { command: `tsc -p ${root}/tsconfig.json --noEmit` } },
      },
    });
    // Built like every package: sources under src/ compiled to dist/ with declarations.
    expect(JSON.parse(tree.read(`${root}/tsconfig.build.json`, 'utf-8') ?? '')).toEqual(JSON.parse(workspaceText('packages/repo-talk/tsconfig.build.json')));
    expect(tree.read(`${root}/src/queries.ts`, 'utf-8')).toContain(`export const talkTitleById = defineQuery((p: QueryParams<{ id: string }>) =>
  qb.selectFrom('talk_projects').select(['id', 'title']).where('id', '=', p.id),
);`);
    expect(tree.read(`${root}/src/repo.ts`, 'utf-8')).toContain('export function getTalkTagsTalk(db: DatabaseHandle, projectId: string): TalkTagsTalk {');
    expect(tree.read(`${root}/src/index.ts`, 'utf-8')).not.toContain("from './queries'");
    expect(tree.read(`${root}/jest.config.cjs`, 'utf-8')).toContain("displayName: 'repo-talk-tags',");
    expect(tree.read(`${root}/test/query-plans.spec.ts`, 'utf-8')).toContain("describe('query plans of the talk-tags context'");
    expect(tree.read(`${CONTEXT_DOCS}/talk-tags.md`, 'utf-8')).toMatch(/^# TalkTags context \(`@lepupitre\/repo-talk-tags`\)\n/);

    const lint = tree.read(LINT_CONFIG, 'utf-8') ?? '';
    const contextsLine = /^const contexts = .*$/m.exec(workspaceText(LINT_CONFIG))?.[0] ?? '';
    expect(lint).toBe(workspaceText(LINT_CONFIG).replace(contextsLine, contextsLine.replace('];', ", 'talk-tags'];")));

    const catalogue = tree.read(CATALOGUE_PACKAGES, 'utf-8') ?? '';
    expectLinesAdded(workspaceText(CATALOGUE_PACKAGES), catalogue, [
      "import * as talkTagsQueries from '@lepupitre/repo-talk-tags/queries';",
      "  contextPackage('talk-tags', talkTagsQueries),",
    ]);
    const importedPaths = [...catalogue.matchAll(/^import \* as \w+ from '([^']+)';$/gm)].map((m) => m[1]);
    expect(importedPaths).toEqual([...importedPaths].sort());
    expect(catalogue).toMatch(/ {2}contextPackage\('talk-tags', talkTagsQueries\),\n\];/);

    const manifest = JSON.parse(tree.read(CATALOGUE_MANIFEST, 'utf-8') ?? '') as { dependencies: Record<string, string> };
    const original = JSON.parse(workspaceText(CATALOGUE_MANIFEST)) as { dependencies: Record<string, string> };
    expect(manifest.dependencies).toEqual({ ...original.dependencies, '@lepupitre/repo-talk-tags': version });
    expect(Object.keys(manifest.dependencies)).toEqual(Object.keys(manifest.dependencies).sort());
  });

  it('writes no docs stub where there is no docs/contexts folder', () => {
    tree.delete(`${CONTEXT_DOCS}/quest.md`);
    before = new Map(tree.listChanges().map((c) => [c.path, c.content?.toString()] as const));
    contextGenerator(tree, { name: 'tags' });
    expect(changes().filter((c) => c.includes('docs/'))).toEqual([]);
  });

  it('refuses a name that is not kebab-case, a package that exists and a scope that is listed', () => {
    expect(() => contextGenerator(tree, { name: 'TalkTags' })).toThrow('--name must be kebab-case');
    tree.write('packages/repo-tags/package.json', '{}');
    expect(() => contextGenerator(tree, { name: 'tags' })).toThrow('packages/repo-tags already exists');
    expect(() => contextGenerator(tree, { name: 'quest' })).toThrow('eslint.config.mjs already lists the context quest');
  });

  it('tells what is left: npm install, the committed SQL, the docs', () => {
    const text = nextSteps('tags');
    expect(text).toContain('npm install');
    expect(text).toContain('npx nx run sql-catalogue:sql');
    expect(text).toContain('docs/contexts/tags.md');
  });
});
