import nx from '@nx/eslint-plugin';
import lepupitre from './tools/lint-rules/plugin.cjs';

/**
 * One flat config for the whole workspace. Module boundaries use the project tags in two
 * dimensions: `type:*` says which floor may depend on which, `scope:*` keeps each bounded
 * context to itself and the shared packages. Three floors, never upward, never sideways:
 * the app; the context packages (type:repo) and the operations (type:data-ops); the engine
 * (type:data-core) and the domain primitives (type:primitives), which depend on nothing of ours.
 */
const layers = [
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:repo', 'type:data-ops', 'type:data-core', 'type:primitives'] },
  { sourceTag: 'type:repo', onlyDependOnLibsWithTags: ['type:data-core', 'type:primitives'] },
  { sourceTag: 'type:data-ops', onlyDependOnLibsWithTags: ['type:data-core', 'type:primitives'] },
  { sourceTag: 'type:data-core', onlyDependOnLibsWithTags: ['type:primitives'] },
  { sourceTag: 'type:primitives', onlyDependOnLibsWithTags: [] },
  // The page talks to the app host over HTTP only: it imports nothing of ours.
  { sourceTag: 'type:page', onlyDependOnLibsWithTags: [] },
  { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:testing', 'type:data-core', 'type:primitives'] },
  {
    sourceTag: 'type:tool',
    onlyDependOnLibsWithTags: ['type:data-ops', 'type:data-core', 'type:primitives', 'type:repo', 'type:testing', 'type:tool'],
  },
];
const contexts = ['workspace', 'talk', 'quest', 'feedback', 'pack'];
const scopes = [
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  ...contexts.map((context) => ({
    sourceTag: `scope:${context}`,
    onlyDependOnLibsWithTags: [`scope:${context}`, 'scope:shared'],
  })),
  { sourceTag: 'scope:desktop', onlyDependOnLibsWithTags: ['scope:shared', ...contexts.map((c) => `scope:${c}`)] },
  { sourceTag: 'scope:tools', onlyDependOnLibsWithTags: ['*'] },
];
const boundaries = (extraLayers, extraScopes = []) => [
  'error',
  {
    enforceBuildableLibDependency: false,
    allow: [],
    depConstraints: [
      ...layers.map((c) => ({ ...c, onlyDependOnLibsWithTags: [...c.onlyDependOnLibsWithTags, ...extraLayers] })),
      ...scopes.map((c) => ({ ...c, onlyDependOnLibsWithTags: [...c.onlyDependOnLibsWithTags, ...extraScopes] })),
    ],
  },
];
const testFiles = ['**/*.spec.ts', '**/*.drill.ts', '**/test/**/*.ts'];
// The desktop command layer: validation, orchestration of repositories inside db-core
// transactions, error mapping. No driver, query builder, queries module, db-core internals or
// SQL text (tools/lint-rules/src/rules/no-sql-in-command-layer.md); the module boundaries
// above keep it to repositories and db-core.
const commandLayer = ['apps/desktop/src/commands/**/*.ts'];
// Production sources open SQLite connections only through db-core's openSqliteConnection, which
// sets trusted_schema=OFF on every connection (tools/lint-rules/src/rules/sqlite-connection-through-helper.md).
const productionSources = ['packages/*/src/**/*.ts', 'apps/*/src/**/*.ts'];
const connectionHelper = 'packages/db-core/src/connection/sqlite-connection.ts';
// Every project's sources: no file may reach itself through relative imports
// (tools/lint-rules/src/rules/no-import-cycle.md).
const allSources = ['packages/*/src/**/*.ts', 'apps/*/src/**/*.ts', 'tools/**/src/**/*.ts'];
// The desktop app's asynchronous code: the router and its serial queue, the HTTP host and its
// shutdown, the runtime that opens and closes databases, and the CLI (async commander actions,
// the one-shot IPC call). A promise dropped there loses a command's outcome or an error, so
// these files are linted with type information; the rest of the workspace is synchronous
// (better-sqlite3) and keeps its faster untyped lint (tools/lint-rules/src/rules/typed-async-rules.md).
const asyncDesktopSources = ['apps/desktop/src/ipc/**/*.ts', 'apps/desktop/src/host/**/*.ts', 'apps/desktop/src/runtime/**/*.ts', 'apps/desktop/src/cli/**/*.ts'];

export default [
  { ignores: ['**/node_modules/**', '**/dist/**', '**/coverage/**', '.nx/**', 'tmp/**'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': boundaries([]),
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
    },
  },
  {
    // Tests may use the fixture builders (type:testing, which live under tools/ and so carry
    // scope:tools); production code may not. The layer rule still keeps tests away from the
    // other tools (type:tool).
    files: testFiles,
    rules: { '@nx/enforce-module-boundaries': boundaries(['type:testing'], ['scope:tools']) },
  },
  {
    // The engine room of db-core (the driver connection behind a handle, the raw migration
    // history, fsync): only the operations package may reach it, its tests included.
    files: ['**/*.ts'],
    ignores: ['packages/db-ops/**', 'packages/db-core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: '@lepupitre/db-core/internals', message: "db-core's internals are for db-ops only: use db-core's public API." }] },
      ],
    },
  },
  {
    files: commandLayer,
    plugins: { lepupitre },
    rules: { 'lepupitre/no-sql-in-command-layer': 'error' },
  },
  {
    files: allSources,
    plugins: { lepupitre },
    rules: { 'lepupitre/no-import-cycle': 'error' },
  },
  {
    files: asyncDesktopSources,
    ignores: testFiles,
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    files: productionSources,
    ignores: [...testFiles, connectionHelper],
    plugins: { lepupitre },
    rules: { 'lepupitre/sqlite-connection-through-helper': 'error' },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
];
