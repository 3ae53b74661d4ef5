const preset = require('../../jest.preset.cjs');

module.exports = {
  ...preset,
  displayName: 'repo-talk',
  rootDir: __dirname,
};
