const preset = require('../../jest.preset.cjs');

module.exports = {
  ...preset,
  displayName: 'db-core',
  rootDir: __dirname,
  // The two longest suites: two workers each, so that whichever finishes last in npm test (Nx
  // runs two tasks at a time) still uses both cores of a small machine instead of one.
  maxWorkers: 2,
};
