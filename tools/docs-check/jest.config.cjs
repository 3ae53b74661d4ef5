const preset = require('../../jest.preset.cjs');

module.exports = {
  ...preset,
  displayName: 'docs-check',
  rootDir: __dirname,
};
