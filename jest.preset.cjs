/**
 * Shared Jest settings: TypeScript through ts-jest in transpile-only mode (types are checked by
 * each project's `typecheck` target, once, instead of in every test worker), Node environment,
 * real files only.
 */
module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['ts-jest', { diagnostics: false }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testMatch: ['<rootDir>/**/*.spec.ts', '<rootDir>/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '\\.drill\\.ts$', '\\.bench\\.ts$'],
  clearMocks: true,
};
