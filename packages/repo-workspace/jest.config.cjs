const preset = require('../../jest.preset.cjs');

module.exports = {
  ...preset,
  displayName: 'repo-workspace',
  rootDir: __dirname,
};
