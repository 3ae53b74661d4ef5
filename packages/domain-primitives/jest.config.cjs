const preset = require('../../jest.preset.cjs');

module.exports = {
  ...preset,
  displayName: 'domain-primitives',
  rootDir: __dirname,
};
