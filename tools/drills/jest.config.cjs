const preset = require('../../jest.preset.cjs');

module.exports = {
  ...preset,
  displayName: 'drills',
  rootDir: __dirname,
};
