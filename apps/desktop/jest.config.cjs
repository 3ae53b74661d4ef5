const preset = require('../../jest.preset.cjs');

module.exports = {
  ...preset,
  displayName: 'desktop',
  // The tests that spawn the bins run the built app: build it first, so it is never stale.
  globalSetup: require.resolve('./scripts/build-app.cjs'),
  rootDir: __dirname,
  // The CLI's specs run whole commands on real data folders and have a target of their own
  // (`test-cli`, in jest.cli.config.cjs): Nx then runs both halves at once, instead of one long
  // task last.
  testPathIgnorePatterns: [...preset.testPathIgnorePatterns, '<rootDir>/test/cli-[^/]*\\.spec\\.ts$'],
  // Two workers, so that whichever task finishes last in npm test (Nx runs two at a time)
  // still uses both cores of a small machine instead of one.
  maxWorkers: 2,
};
