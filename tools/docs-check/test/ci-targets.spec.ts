import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CI_WORKFLOW, ROOT_PACKAGE, targetListFindings, testScriptTargets, workflowAffectedTargets } from '../src/ci-targets';
import { REPOSITORY_ROOT } from './temp-repository';

const read = (path: string) => readFileSync(join(REPOSITORY_ROOT, path), 'utf8');

describe("CI's affected run and npm test", () => {
  it('run the same targets in the same order', () => {
    const testTargets = testScriptTargets(read(ROOT_PACKAGE));
    expect(testTargets).toContain('docs-check');
    expect(workflowAffectedTargets(read(CI_WORKFLOW))).toEqual(testTargets);
  });

  it('reads a -t list up to the next option', () => {
    expect(testScriptTargets(JSON.stringify({ scripts: { test: 'nx run-many -t lint test --outputStyle=static' } }))).toEqual(['lint', 'test']);
    // A workspace-wide target stands for the per-project target it runs for every project.
    expect(testScriptTargets(JSON.stringify({ scripts: { test: 'nx run-many -t lint typecheck-all test' } }))).toEqual(['lint', 'typecheck', 'test']);
    expect(testScriptTargets(JSON.stringify({ scripts: { test: 'nx run-many -t lint-all typecheck test' } }))).toEqual(['lint', 'typecheck', 'test']);
    expect(workflowAffectedTargets('steps:\n  - run: npx nx affected -t lint test --parallel=2\n')).toEqual(['lint', 'test']);
  });

  it('names a target either list lacks, and a different order', () => {
    expect(targetListFindings(['lint', 'e2e'], ['lint']).map((finding) => [finding.doc, finding.problem])).toEqual([
      [CI_WORKFLOW, 'target `e2e` of the test script of package.json is missing'],
    ]);
    expect(targetListFindings(['lint'], ['lint', 'bench']).map((finding) => [finding.doc, finding.problem])).toEqual([
      [ROOT_PACKAGE, 'target `bench` of the `nx affected` step of .github/workflows/ci.yml is missing'],
    ]);
    expect(targetListFindings(['lint', 'test'], ['test', 'lint']).map((finding) => finding.problem)).toEqual(["the `nx affected` targets are not in the test script's order"]);
    expect(targetListFindings(['lint', 'test'], ['lint', 'test'])).toEqual([]);
  });
});
