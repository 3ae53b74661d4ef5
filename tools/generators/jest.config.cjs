const preset = require('../../jest.preset.cjs');

module.exports = {
  ...preset,
  displayName: 'generators',
  rootDir: __dirname,
  testPathIgnorePatterns: [...preset.testPathIgnorePatterns, '/e2e/'],
};
