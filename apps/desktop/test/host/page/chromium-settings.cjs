'use strict';
/** The Chromium the browser tests drive, shared by their global setup and their test files. */
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // The microphone: Chromium's fake device (a beep) and no permission prompt.
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
];
/** Where the global setup leaves the shared browser's address for the test files. */
const SERVER_ENV = 'LEPUPITRE_E2E_BROWSER';

module.exports = { CHROMIUM, CHROMIUM_ARGS, SERVER_ENV };
