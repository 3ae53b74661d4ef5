'use strict';
/**
 * Before the browser tests: the app built (its bins run `dist/`), and one Chromium for every
 * test file, which each connects to (`page/browser.ts`): starting a browser per file cost
 * about 1.4 s each. The browser stops in `e2e-global-teardown.cjs`.
 */
const { existsSync } = require('node:fs');
const { chromium } = require('playwright-core');
const buildApp = require('../../scripts/build-app.cjs');
const { CHROMIUM, CHROMIUM_ARGS, SERVER_ENV } = require('./page/chromium-settings.cjs');

module.exports = async function setUpBrowserTests() {
  buildApp();
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: run node tools/browser/ensure-chromium.cjs (or set CHROMIUM_PATH)`);
  const server = await chromium.launchServer({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS] });
  globalThis.__lepupitreBrowserServer = server;
  process.env[SERVER_ENV] = server.wsEndpoint();
};
