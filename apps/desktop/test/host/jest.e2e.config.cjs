const path = require('node:path');
const preset = require('../../../../jest.preset.cjs');

/**
 * The app host's browser test: headless Chromium against the real launcher. Kept out of the
 * desktop `test` target (`*.e2e.ts` is not a spec name) so unit runs need no browser; the
 * `desktop:e2e` target runs it after making sure Chromium is installed.
 */
module.exports = {
  ...preset,
  displayName: 'desktop-e2e',
  // The app built first (the bins run it, never stale), and one Chromium for every file.
  globalSetup: require.resolve('./e2e-global-setup.cjs'),
  globalTeardown: require.resolve('./e2e-global-teardown.cjs'),
  rootDir: path.join(__dirname, '..', '..'),
  testMatch: ['<rootDir>/test/host/**/*.e2e.ts'],
};
