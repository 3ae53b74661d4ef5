const preset = require('../../jest.preset.cjs');

module.exports = {
  ...preset,
  displayName: 'repo-pack',
  rootDir: __dirname,
};
