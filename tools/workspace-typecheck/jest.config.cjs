const preset = require('../../jest.preset.cjs');

module.exports = {
  ...preset,
  displayName: 'workspace-typecheck',
  rootDir: __dirname,
};
