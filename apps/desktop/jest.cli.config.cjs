const preset = require('../../jest.preset.cjs');

/**
 * The operator CLI's specs (see jest.config.cjs): they run the CLI in process, through the `main`
 * the bin calls, and spawn the real `lepupitre` bin only in a few smoke tests.
 */
module.exports = {
  ...preset,
  displayName: 'desktop-cli',
  // The tests that spawn the bins run the built app: build it first, so it is never stale.
  globalSetup: require.resolve('./scripts/build-app.cjs'),
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/cli-*.spec.ts'],
  maxWorkers: 2,
};
