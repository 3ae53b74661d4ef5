const preset = require('../../jest.preset.cjs');

module.exports = {
  ...preset,
  displayName: 'eslint-rules',
  rootDir: __dirname,
  // One ESLint process, with the workspace config loaded once, answers every spec of the run
  // that lints as the workspace does (test/support/workspace-eslint.ts).
  globalSetup: require.resolve('./test/support/eslint-worker-start.cjs'),
  globalTeardown: require.resolve('./test/support/eslint-worker-stop.cjs'),
};
