/**
 * Shared Jest settings: TypeScript through esbuild, one file at a time (`jest.transform.cjs`;
 * types are checked by each project's `typecheck` target, once, instead of in every test
 * worker), Node environment, real files only.
 */
module.exports = {
  testEnvironment: 'node',
  // Workspace packages resolve to their TypeScript sources, never to a `dist/` that may be older
  // than them (docs/architecture.md, "Built packages"); Jest's own conditions stay after it.
  testEnvironmentOptions: { customExportConditions: ['@lepupitre/source', 'node', 'node-addons'] },
  transform: {
    '^.+\\.ts$': require.resolve('./jest.transform.cjs'),
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testMatch: ['<rootDir>/**/*.spec.ts', '<rootDir>/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '\\.drill\\.ts$', '\\.bench\\.ts$'],
  clearMocks: true,
};
