const preset = require('../../jest.preset.cjs');

/**
 * The end-to-end checks: each generator runs through `nx g` in a temporary copy of the
 * workspace, whose affected projects are then linted, type-checked and tested there. Minutes,
 * not seconds, so they are the `e2e-check` target rather than part of `test`.
 */
module.exports = {
  ...preset,
  displayName: 'generators-e2e',
  rootDir: __dirname,
  testMatch: ['<rootDir>/e2e/**/*.e2e.ts'],
  testTimeout: 900_000,
};
