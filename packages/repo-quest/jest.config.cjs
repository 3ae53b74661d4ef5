const preset = require('../../jest.preset.cjs');

module.exports = {
  ...preset,
  displayName: 'repo-quest',
  rootDir: __dirname,
};
