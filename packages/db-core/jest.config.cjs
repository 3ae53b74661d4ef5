const preset = require('../../jest.preset.cjs');

module.exports = {
  ...preset,
  displayName: 'db-core',
  rootDir: __dirname,
};
