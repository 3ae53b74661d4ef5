const preset = require('../../jest.preset.cjs');

module.exports = {
  ...preset,
  displayName: 'desktop',
  rootDir: __dirname,
};
