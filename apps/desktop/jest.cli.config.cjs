const preset = require('../../jest.preset.cjs');

/** The operator CLI's specs: each spawns the real `lepupitre` bin (see jest.config.cjs). */
module.exports = {
  ...preset,
  displayName: 'desktop-cli',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/cli-*.spec.ts'],
  maxWorkers: 2,
};
