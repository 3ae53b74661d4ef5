/**
 * The rule on the real command layer: every file of apps/desktop/src/commands is linted with
 * the rule on, and none has anything to report. Then the ESLint command line, run as the
 * command authors run it but reading the file from stdin under a command-layer path (nothing is
 * written into the source tree), does report a file that breaks the rule. ESLint runs in child
 * processes (Jest's module sandbox cannot load the ES-module config), from the workspace root:
 * the run's shared one for the folder (support/workspace-eslint.ts), a process of its own for
 * the command line.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { workspaceEslint, workspaceRoot, type LintMessage } from './support/workspace-eslint';

const commandsDir = path.join(workspaceRoot, 'apps/desktop/src/commands');
const ruleId = 'lepupitre/no-sql-in-command-layer';

interface LintedFile {
  filePath: string;
  messages: LintMessage[];
  /** The rule's entry in the configuration ESLint computed for this file. */
  ruleSetting: unknown;
}

/** The workspace's ESLint on the command layer's glob, with each file's config. */
async function lintCommandLayer(): Promise<LintedFile[]> {
  const { files } = await workspaceEslint({ filesMatching: ['apps/desktop/src/commands/**/*.ts'] });
  const { configs } = await workspaceEslint({ configsOf: files.map((file) => file.filePath) });
  return files.map(({ filePath, messages }, index) => ({ filePath, messages, ruleSetting: configs[index]?.rules[ruleId] ?? null }));
}

/** Every TypeScript file under the folder, from disk, absolute. */
function commandFilesOnDisk(dir: string = commandsDir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return commandFilesOnDisk(full);
    return entry.isFile() && entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** A rule entry's severity as a number: ESLint normalises `'error'` to `[2]`. */
function severityOf(setting: unknown): unknown {
  const level: unknown = Array.isArray(setting) ? setting[0] : setting;
  return level === 'error' ? 2 : level === 'warn' ? 1 : level === 'off' ? 0 : level;
}

describe('the command layer under the no-SQL rule', () => {
  it('lints every file of apps/desktop/src/commands with the rule on, and reports nothing', async () => {
    const onDisk = commandFilesOnDisk().sort();
    // The folder holds at least the catalogue, the command definition and the contexts' files.
    expect(onDisk.length).toBeGreaterThanOrEqual(10);

    const linted = await lintCommandLayer();
    expect(linted.map((file) => file.filePath).sort()).toEqual(onDisk);
    const notOn = linted.filter((file) => severityOf(file.ruleSetting) !== 2).map((file) => [file.filePath, file.ruleSetting]);
    expect(notOn).toEqual([]);
    // Not only this rule: the command authors' check is that eslint prints nothing at all.
    const reported = linted.flatMap((file) => file.messages.map((m) => `${path.relative(workspaceRoot, file.filePath)}:${m.line} ${m.ruleId}: ${m.message}`));
    expect(reported).toEqual([]);
  }, 60_000);

  it('`npx eslint --stdin --stdin-filename apps/desktop/src/commands/<file>` reports a file there that holds SQL or imports the driver', () => {
    const bad = path.join(commandsDir, 'titles.ts');
    const text = [
      "import Database from 'better-sqlite3';",
      '',
      'export function titles(db: Database.Database, projectId: string): unknown[] {',
      "  return db.prepare('SELECT title FROM talk_projects WHERE id = ?').all(projectId);",
      '}',
      '',
    ].join('\n');
    const run = spawnSync('npx', ['eslint', '--format', 'json', '--stdin', '--stdin-filename', path.relative(workspaceRoot, bad)], {
      cwd: workspaceRoot,
      input: text,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      shell: process.platform === 'win32',
    });
    expect(run.status).toBe(1);
    // ESLint writes its JSON report as one line; Nx's project-graph plugin may print a notice
    // before it on a checkout whose graph is not cached yet.
    const report = run.stdout.trim().split('\n').pop() ?? '';
    const results = JSON.parse(report) as { filePath: string; messages: LintMessage[] }[];
    expect(results.map((result) => result.filePath)).toEqual([bad]);
    expect(results[0]?.messages.filter((m) => m.ruleId === ruleId).map(({ line, messageId, severity }) => ({ line, messageId, severity }))).toEqual([
      { line: 1, messageId: 'driverImport', severity: 2 },
      { line: 4, messageId: 'sqlText', severity: 2 },
    ]);
  }, 60_000);
});
