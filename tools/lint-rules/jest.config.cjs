const preset = require('../../jest.preset.cjs');

module.exports = {
  ...preset,
  displayName: 'eslint-rules',
  rootDir: __dirname,
};
