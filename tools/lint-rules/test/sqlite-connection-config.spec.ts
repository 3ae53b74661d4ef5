/**
 * `lepupitre/sqlite-connection-through-helper` as the workspace runs it: ESLint with the root
 * eslint.config.mjs, in a child Node process (Jest's module sandbox cannot load an ES-module
 * config). A production file that creates its own better-sqlite3 connection fails lint; the
 * helper, tests and tools do not. And today's sources pass: every connection goes through
 * the helper.
 */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

const workspaceRoot = path.resolve(__dirname, '../../..');
const ruleId = 'lepupitre/sqlite-connection-through-helper';

interface LintMessage {
  ruleId: string | null;
  line: number;
}
interface LintResult {
  filePath: string;
  messages: LintMessage[];
}

const RESULT_MARKER = '\n--lint-results--\n';

type LintRequest = { patterns: readonly string[] } | { text: string; filePaths: readonly string[] };

function lint(request: LintRequest): LintResult[] {
  const script = `
    const { ESLint } = require('eslint');
    const MARKER = ${JSON.stringify(RESULT_MARKER)};
    (async () => {
      const request = JSON.parse(process.argv[1]);
      const eslint = new ESLint({ cwd: process.cwd() });
      const results = request.patterns
        ? await eslint.lintFiles(request.patterns)
        : (await Promise.all(request.filePaths.map((filePath) => eslint.lintText(request.text, { filePath })))).flat();
      process.stdout.write(MARKER + JSON.stringify(results.map(({ filePath, messages }) => ({ filePath, messages }))));
    })().catch((error) => { console.error(error); process.exit(2); });
  `;
  const output = execFileSync(process.execPath, ['-e', script, JSON.stringify(request)], {
    cwd: workspaceRoot,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  // Nx's boundary rule may print a warning on stdout first (no cached project graph yet).
  return JSON.parse(output.slice(output.lastIndexOf(RESULT_MARKER) + RESULT_MARKER.length)) as LintResult[];
}

const reported = (results: LintResult[]): string[] =>
  results
    .filter((result) => result.messages.some((message) => message.ruleId === ruleId))
    .map((result) => path.relative(workspaceRoot, result.filePath).split(path.sep).join('/'));

const OWN_CONNECTION = ["import Database from 'better-sqlite3';", '', 'export const open = (file: string) => new Database(file);', ''].join('\n');

describe('the workspace ESLint config', () => {
  it('refuses a production file that opens its own SQLite connection, and only there', () => {
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
    const results = lint({ text: OWN_CONNECTION, filePaths: [...inProduction, ...elsewhere] });
    expect(reported(results)).toEqual(inProduction);
  }, 60_000);

  it('finds every production source going through the helper today', () => {
    const results = lint({ patterns: ['packages/*/src/**/*.ts', 'apps/*/src/**/*.ts'] });
    expect(results.length).toBeGreaterThan(50);
    expect(reported(results)).toEqual([]);
  }, 120_000);
});
