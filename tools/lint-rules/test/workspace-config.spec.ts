/**
 * The rule as the workspace runs it: ESLint with the root eslint.config.mjs (which loads the
 * plugin's TypeScript source through tools/lint-rules/plugin.cjs), on files placed in the
 * command layer. ESLint runs in a child Node process, as `npx eslint` and `nx lint` run it
 * (Jest's module sandbox cannot load an ES-module config).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const workspaceRoot = path.resolve(__dirname, '../../..');
const commandsDir = path.join(workspaceRoot, 'apps/desktop/src/commands');
const ruleId = 'lepupitre/no-sql-in-command-layer';

interface LintMessage {
  ruleId: string | null;
  messageId?: string;
  line: number;
  message: string;
}
interface LintResult {
  filePath: string;
  messages: LintMessage[];
}

type LintRequest = { files: readonly string[] } | { text: string; filePath: string };

/** Lints with `new ESLint({ cwd: <workspace root> })` and the workspace's real config. */
function lint(request: LintRequest): LintResult[] {
  const script = `
    const { ESLint } = require('eslint');
    (async () => {
      const request = JSON.parse(process.argv[1]);
      const eslint = new ESLint({ cwd: process.cwd() });
      const results = request.files
        ? await eslint.lintFiles(request.files)
        : await eslint.lintText(request.text, { filePath: request.filePath });
      process.stdout.write(JSON.stringify(results.map(({ filePath, messages }) => ({ filePath, messages }))));
    })().catch((error) => { console.error(error); process.exit(2); });
  `;
  const output = execFileSync(process.execPath, ['-e', script, JSON.stringify(request)], {
    cwd: workspaceRoot,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(output) as LintResult[];
}

const probe = `__lint-probe-${process.pid}`;
const cleanFile = path.join(commandsDir, `${probe}-clean.ts`);
const offendingFile = path.join(commandsDir, `${probe}-offending.ts`);
let createdCommandsDir = false;

beforeAll(() => {
  if (!fs.existsSync(commandsDir)) {
    fs.mkdirSync(commandsDir, { recursive: true });
    createdCommandsDir = true;
  }
  fs.writeFileSync(
    cleanFile,
    [
      "import { z } from 'zod';",
      '',
      'export const request = z.object({ talkId: z.string() });',
      '',
      'export function describeChoice(count: number): string {',
      "  return count === 0 ? 'Select a profile from the list' : `Select one of ${count} talks`;",
      '}',
      '',
    ].join('\n'),
  );
  fs.writeFileSync(
    offendingFile,
    [
      "import Database from 'better-sqlite3';",
      "import { talkQueries } from '@lepupitre/repo-talk/src/queries';",
      '',
      'export function count(db: Database.Database, table: string): unknown {',
      "  return db.prepare('SELECT count(*) AS n FROM ' + table + ' WHERE id = ?').get(talkQueries);",
      '}',
      '',
    ].join('\n'),
  );
});

afterAll(() => {
  fs.rmSync(cleanFile, { force: true });
  fs.rmSync(offendingFile, { force: true });
  if (createdCommandsDir && fs.readdirSync(commandsDir).length === 0) fs.rmdirSync(commandsDir);
});

const ruleMessages = (result: LintResult | undefined): LintMessage[] =>
  (result?.messages ?? []).filter((message) => message.ruleId === ruleId);

describe('the workspace ESLint config', () => {
  it('reports the command layer rule on the offending file only', () => {
    const results = lint({ files: [cleanFile, offendingFile] });
    const clean = results.find((result) => result.filePath === cleanFile);
    const offending = results.find((result) => result.filePath === offendingFile);

    expect(clean).toBeDefined();
    expect(ruleMessages(clean)).toEqual([]);
    expect(ruleMessages(offending).map(({ line, messageId }) => ({ line, messageId }))).toEqual([
      { line: 1, messageId: 'driverImport' },
      { line: 2, messageId: 'queriesImport' },
      { line: 5, messageId: 'sqlText' },
    ]);
  }, 60_000);

  it('does not apply the rule outside the command layer', () => {
    const text = fs.readFileSync(offendingFile, 'utf8');
    const inside = lint({ text, filePath: path.join(commandsDir, 'talk', 'probe.ts') });
    const outside = lint({ text, filePath: path.join(workspaceRoot, 'apps/desktop/src/cli/probe.ts') });
    expect(ruleMessages(inside[0])).toHaveLength(3);
    expect(ruleMessages(outside[0])).toEqual([]);
  }, 60_000);
});
