/**
 * The type-aware promise rules as the workspace config sets them: on, with type information,
 * for the desktop app's router, host, runtime and CLI sources; off, and without the cost of a
 * TypeScript program, everywhere else. The texts are linted under the paths of existing files:
 * a typed file must belong to its TypeScript project, and lintText only replaces its contents.
 */
import { severityOf, workspaceEslint, type LintResult, type WorkspaceEslintAnswer } from './support/workspace-eslint';

const PROMISE_RULES = ['@typescript-eslint/no-floating-promises', '@typescript-eslint/no-misused-promises'];

const DROPPED_PROMISES = [
  'export async function save(): Promise<void> {',
  '  await Promise.resolve();',
  '}',
  '',
  'export function start(): void {',
  '  save();',
  '  [1, 2].forEach(async () => {',
  '    await save();',
  '  });',
  '}',
  '',
].join('\n');

const TYPED = ['apps/desktop/src/ipc/router.ts', 'apps/desktop/src/host/app-server.ts', 'apps/desktop/src/runtime/command-host.ts', 'apps/desktop/src/cli/main.ts'];
const UNTYPED = ['apps/desktop/src/commands/catalogue.ts', 'packages/repo-talk/src/index.ts', 'tools/bench/harness/src/dataset.ts', 'apps/desktop/test/ipc/router.spec.ts'];

const promiseFindings = (result: LintResult | undefined): string[] =>
  (result?.messages ?? []).filter((m) => m.ruleId !== null && PROMISE_RULES.includes(m.ruleId)).map((m) => `${m.line} ${m.ruleId}`);

describe('the type-aware promise rules in the workspace config', () => {
  let answer: WorkspaceEslintAnswer = { results: [], files: [], configs: [] };
  beforeAll(async () => {
    answer = await workspaceEslint({
      texts: [...TYPED, ...UNTYPED].map((filePath) => ({ text: DROPPED_PROMISES, filePath })),
      configsOf: [...TYPED, ...UNTYPED],
    });
  }, 120_000);

  it.each(TYPED.map((file, index) => [file, index] as const))('reports dropped promises in %s', (_file, index) => {
    const { results, configs } = answer;
    expect(results[index]?.messages.filter((m) => m.fatal)).toEqual([]);
    expect(promiseFindings(results[index])).toEqual(['6 @typescript-eslint/no-floating-promises', '7 @typescript-eslint/no-misused-promises']);
    expect(PROMISE_RULES.map((rule) => severityOf(configs[index]?.rules[rule]))).toEqual([2, 2]);
    expect(configs[index]?.parserOptions['projectService']).toBe(true);
  });

  it.each(UNTYPED.map((file, index) => [file, TYPED.length + index] as const))('leaves %s to the untyped rules', (_file, index) => {
    const { results, configs } = answer;
    expect(results[index]?.messages.filter((m) => m.fatal)).toEqual([]);
    expect(promiseFindings(results[index])).toEqual([]);
    expect(PROMISE_RULES.map((rule) => severityOf(configs[index]?.rules[rule]))).toEqual([0, 0]);
    expect(configs[index]?.parserOptions['projectService']).toBeUndefined();
  });
});
