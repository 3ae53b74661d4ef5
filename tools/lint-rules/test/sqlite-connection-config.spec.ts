/**
 * `lepupitre/sqlite-connection-through-helper` as the workspace runs it: ESLint with the root
 * eslint.config.mjs. A production file that creates its own better-sqlite3 connection fails
 * lint; the helper, tests and tools do not. That today's sources pass is every project's own
 * `lint` target, which runs the same configuration over them.
 */
import * as path from 'node:path';
import { workspaceEslint, workspaceRoot, type LintResult } from './support/workspace-eslint';

const ruleId = 'lepupitre/sqlite-connection-through-helper';

const reported = (results: LintResult[]): string[] =>
  results
    .filter((result) => result.messages.some((message) => message.ruleId === ruleId))
    .map((result) => path.relative(workspaceRoot, result.filePath).split(path.sep).join('/'));

const OWN_CONNECTION = ["import Database from 'better-sqlite3';", '', 'export const open = (file: string) => new Database(file);', ''].join('\n');

describe('the workspace ESLint config', () => {
  it('refuses a production file that opens its own SQLite connection, and only there', async () => {
    const inProduction = [
      'packages/db-ops/src/recovery/probe.ts',
      'packages/db-core/src/connection/probe.ts',
      'packages/repo-talk/src/repo/probe.ts',
      // Files of the desktop app's async folders are linted with type information, for which
      // the TypeScript project must hold them: existing files stand in there.
      'apps/desktop/src/cli/program.ts',
      'apps/desktop/src/runtime/command-host.ts',
    ];
    const elsewhere = [
      'packages/db-core/src/connection/sqlite-connection.ts',
      'packages/db-ops/test/recovery/probe.spec.ts',
      'packages/db-core/test/support/probe.ts',
      'apps/desktop/test/support/probe.ts',
      'tools/fixtures/src/probe.ts',
    ];
    const { results } = await workspaceEslint({ texts: [...inProduction, ...elsewhere].map((filePath) => ({ text: OWN_CONNECTION, filePath })) });
    expect(reported(results)).toEqual(inProduction);
  }, 60_000);
});
