const preset = require('../../jest.preset.cjs');

module.exports = {
  ...preset,
  displayName: 'sql-catalogue',
  rootDir: __dirname,
};
