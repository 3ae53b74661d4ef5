const preset = require('../../jest.preset.cjs');

module.exports = {
  ...preset,
  displayName: 'repo-feedback',
  rootDir: __dirname,
};
