const preset = require('../../jest.preset.cjs');

module.exports = {
  ...preset,
  displayName: 'db-ops',
  rootDir: __dirname,
  // With db-core, the two longest suites: two workers each, so that whichever finishes last in
  // npm test (Nx runs two tasks at a time) still uses both cores of a small machine.
  maxWorkers: 2,
};
