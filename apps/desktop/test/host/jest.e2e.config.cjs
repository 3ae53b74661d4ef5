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
  // The tests that spawn the bins run the built app: build it first, so it is never stale.
  globalSetup: require.resolve('../../scripts/build-app.cjs'),
  rootDir: path.join(__dirname, '..', '..'),
  testMatch: ['<rootDir>/test/host/**/*.e2e.ts'],
};
