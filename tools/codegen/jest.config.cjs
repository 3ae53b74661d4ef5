const preset = require('../../jest.preset.cjs');

module.exports = {
  ...preset,
  displayName: 'codegen',
  rootDir: __dirname,
};
