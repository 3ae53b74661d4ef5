/**
 * `lepupitre/no-import-cycle` as the workspace config sets it: on for every project's sources,
 * off for tests, and, linting one text on its own, it finds a cycle through the real files on
 * disk. The cycle is the one the CLI had: the database target type back in the file of the
 * selection that lists targets.
 */
import { severityOf, workspaceEslint, type WorkspaceEslintAnswer } from './support/workspace-eslint';

const ruleId = 'lepupitre/no-import-cycle';
const SOURCES = [
  'packages/db-core/src/index.ts',
  'packages/repo-talk/src/repo/probe.ts',
  'apps/desktop/src/commands/catalogue.ts',
  'apps/desktop/src/ipc/router.ts',
  'tools/lint-rules/src/index.ts',
  'tools/bench/harness/src/dataset.ts',
];
const TESTS = ['packages/repo-talk/test/probe.spec.ts', 'apps/desktop/test/support/probe.ts', 'tools/lint-rules/test/probe.spec.ts'];

const CYCLE = {
  text: ["import type { TargetSelection } from './database-target';", '', 'export type Targets = TargetSelection;', ''].join('\n'),
  filePath: 'apps/desktop/src/cli/database-target-type.ts',
};

describe('the import-cycle rule in the workspace config', () => {
  // One request for both questions.
  let answer: WorkspaceEslintAnswer;
  beforeAll(async () => {
    answer = await workspaceEslint({ configsOf: [...SOURCES, ...TESTS], texts: [CYCLE] });
  }, 60_000);

  it('is on for every project source and off for tests', () => {
    const { configs } = answer;
    expect(configs.map((config) => severityOf(config.rules[ruleId]))).toEqual([...SOURCES.map(() => 2), ...TESTS.map(() => 0)]);
  });

  it('reports a cycle through files on disk as the chain of files', () => {
    const { results } = answer;
    expect(results[0]?.messages.filter((m) => m.ruleId === ruleId).map(({ line, message }) => ({ line, message }))).toEqual([
      {
        line: 1,
        message:
          'Import cycle: apps/desktop/src/cli/database-target-type.ts -> apps/desktop/src/cli/database-target.ts -> apps/desktop/src/cli/database-target-type.ts. Move what these files share into a file of its own that imports none of them.',
      },
    ]);
  });
});
