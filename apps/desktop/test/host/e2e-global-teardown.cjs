'use strict';
/** After the browser tests: the shared Chromium of `e2e-global-setup.cjs` stops. */
module.exports = async function tearDownBrowserTests() {
  await globalThis.__lepupitreBrowserServer?.close();
};
