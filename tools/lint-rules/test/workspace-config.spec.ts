/**
 * The rule as the workspace runs it: ESLint with the root eslint.config.mjs (which loads the
 * plugin's TypeScript source through tools/lint-rules/plugin.cjs), on texts linted under
 * command-layer paths with `lintText(code, { filePath })`: nothing is written into the source
 * tree. ESLint runs in a child Node process, as `npx eslint` and `nx lint` run it (Jest's
 * module sandbox cannot load an ES-module config).
 */
import * as path from 'node:path';
import { workspaceEslint, workspaceRoot, type LintMessage, type LintResult } from './support/workspace-eslint';

const commandsDir = path.join(workspaceRoot, 'apps/desktop/src/commands');
const ruleId = 'lepupitre/no-sql-in-command-layer';

/** Lints each text as the file at its path with the workspace's real config, in one request. */
async function lintTexts(...texts: [text: string, filePath: string][]): Promise<LintResult[]> {
  return (await workspaceEslint({ texts: texts.map(([text, filePath]) => ({ text, filePath })) })).results;
}

const CLEAN = [
  "import { z } from 'zod';",
  '',
  'export const request = z.object({ talkId: z.string() });',
  '',
  'export function describeChoice(count: number): string {',
  "  return count === 0 ? 'Select a profile from the list' : `Select one of ${count} talks`;",
  '}',
  '',
].join('\n');

const OFFENDING = [
  "import Database from 'better-sqlite3';",
  "import { talkQueries } from '@lepupitre/repo-talk/src/queries';",
  '',
  'export function count(db: Database.Database, table: string): unknown {',
  "  return db.prepare('SELECT count(*) AS n FROM ' + table + ' WHERE id = ?').get(talkQueries);",
  '}',
  '',
].join('\n');

const ruleMessages = (result: LintResult | undefined): LintMessage[] => (result?.messages ?? []).filter((message) => message.ruleId === ruleId);
const fatal = (result: LintResult | undefined): LintMessage[] => (result?.messages ?? []).filter((message) => message.fatal);

describe('the workspace ESLint config', () => {
  // One request for every text.
  let results: LintResult[] = [];
  beforeAll(async () => {
    results = await lintTexts(
      [CLEAN, path.join(commandsDir, 'describe-choice.ts')],
      [OFFENDING, path.join(commandsDir, 'count.ts')],
      [OFFENDING, path.join(commandsDir, 'talk', 'probe.ts')],
      [OFFENDING, path.join(workspaceRoot, 'apps/desktop/src/errors/probe.ts')],
    );
  }, 60_000);

  it('reports the command layer rule on the offending text only', () => {
    const [clean, offending] = results;
    expect(clean?.messages).toEqual([]);
    expect(ruleMessages(offending).map(({ line, messageId }) => ({ line, messageId }))).toEqual([
      { line: 1, messageId: 'driverImport' },
      { line: 2, messageId: 'queriesImport' },
      { line: 5, messageId: 'sqlText' },
    ]);
  });

  it('does not apply the rule outside the command layer', () => {
    const [, , inside, outside] = results;
    expect(ruleMessages(inside)).toHaveLength(3);
    expect(fatal(outside)).toEqual([]);
    expect(ruleMessages(outside)).toEqual([]);
  });
});
