import type { DocFinding } from '@lepupitre/testing';

export const CI_WORKFLOW = '.github/workflows/ci.yml';
export const ROOT_PACKAGE = 'package.json';

/** The words after `-t` in a command line, up to the next option. */
function targetsAfterFlag(command: string): string[] | null {
  const match = /(?:^|\s)-t\s+(.*)$/.exec(command);
  if (!match?.[1]) return null;
  const words = match[1].trim().split(/\s+/);
  const end = words.findIndex((word) => word.startsWith('-'));
  return end === -1 ? words : words.slice(0, end);
}

/**
 * Targets `npm test` runs once for the whole workspace where an affected run runs the
 * per-project target they stand for: `typecheck-all` checks every project's `typecheck` files
 * in one TypeScript program (tools/workspace-typecheck); `lint-all` lints every project's files
 * in one ESLint process (tools/lint-rules), where 22 `lint` targets would each load the config.
 */
export const WORKSPACE_FORMS: Readonly<Record<string, string>> = { 'typecheck-all': 'typecheck', 'lint-all': 'lint' };

/**
 * The targets `npm test` runs, as an affected run names them: the `-t` list of the root
 * package.json's `test` script, each workspace-wide target replaced by its per-project form.
 */
export function testScriptTargets(packageJson: string): string[] {
  const script = (JSON.parse(packageJson) as { scripts?: Record<string, string> }).scripts?.test ?? '';
  const targets = targetsAfterFlag(script);
  if (!targets) throw new Error(`${ROOT_PACKAGE}: the test script has no \`-t\` target list: ${script}`);
  return targets.map((target) => WORKSPACE_FORMS[target] ?? target);
}

/** The targets of the CI workflow's `nx affected` step (the first line that runs it). */
export function workflowAffectedTargets(workflow: string): string[] {
  const line = workflow.split('\n').find((text) => /\bnx affected\b/.test(text));
  const targets = line ? targetsAfterFlag(line) : null;
  if (!targets) throw new Error(`${CI_WORKFLOW}: no \`nx affected -t <targets>\` step`);
  return targets;
}

/**
 * What keeps CI's affected run and `npm test` from running the same targets: CI would then pass a
 * change that `npm test` fails, or the other way round. Both lists are kept in the same order,
 * so that one reads as a copy of the other.
 */
export function targetListFindings(testTargets: readonly string[], workflowTargets: readonly string[]): DocFinding[] {
  const findings: DocFinding[] = [];
  for (const target of testTargets.filter((name) => !workflowTargets.includes(name))) {
    findings.push({
      doc: CI_WORKFLOW,
      problem: `target \`${target}\` of the test script of ${ROOT_PACKAGE} is missing`,
      fix: `add it to the \`nx affected -t\` list, in the test script's order: ${testTargets.join(' ')}`,
    });
  }
  for (const target of workflowTargets.filter((name) => !testTargets.includes(name))) {
    findings.push({
      doc: ROOT_PACKAGE,
      problem: `target \`${target}\` of the \`nx affected\` step of ${CI_WORKFLOW} is missing`,
      fix: 'add it to the `-t` list of the test script, or remove it from the workflow',
    });
  }
  if (findings.length === 0 && testTargets.join(' ') !== workflowTargets.join(' ')) {
    findings.push({
      doc: CI_WORKFLOW,
      problem: `the \`nx affected\` targets are not in the test script's order`,
      fix: `list the \`nx affected -t\` targets as ${ROOT_PACKAGE} does: ${testTargets.join(' ')}`,
    });
  }
  return findings;
}
