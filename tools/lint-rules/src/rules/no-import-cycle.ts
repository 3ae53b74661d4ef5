import * as path from 'node:path';
import { ESLintUtils } from '@typescript-eslint/utils';
import { ImportGraph } from '../import-graph/import-graph';
import { relativeImports } from '../import-graph/relative-imports';
import { resolveRelativeImport } from '../import-graph/resolve-relative-import';

const createRule = ESLintUtils.RuleCreator(
  (name) => `https://github.com/lepupitre/lepupitre/blob/main/tools/lint-rules/src/rules/${name}.md`,
);

export type MessageIds = 'importCycle';

/** One graph per ESLint process: every linted file of a run shares what the others read. */
const graph = new ImportGraph();

/**
 * No file may reach itself through relative imports. For each relative import of the linted
 * file (taken from its current text), the files that import reaches are read from disk and
 * searched for a way back; the shortest chain found is reported, as files relative to ESLint's
 * working folder. Type-only imports count: a type cycle still ties two files' concepts together
 * and becomes a runtime cycle as soon as one side imports a value. Workspace packages
 * (`@lepupitre/<name>`) are not followed: Nx's module boundaries already keep projects acyclic.
 */
export const rule = createRule<[], MessageIds>({
  name: 'no-import-cycle',
  meta: {
    type: 'problem',
    docs: { description: 'Forbid circles of relative imports between files' },
    schema: [],
    messages: {
      importCycle: 'Import cycle: {{chain}}. Move what these files share into a file of its own that imports none of them.',
    },
  },
  defaultOptions: [],
  create(context) {
    const file = context.physicalFilename;
    if (!path.isAbsolute(file)) return {};
    const shown = (member: string): string => path.relative(context.cwd, member).split(path.sep).join('/');
    return {
      Program() {
        const text = context.sourceCode.text;
        const seen = new Set<string>();
        for (const { specifier, start, end } of relativeImports(text)) {
          const target = resolveRelativeImport(file, specifier);
          if (target === undefined || seen.has(target)) continue;
          seen.add(target);
          const back = graph.chainBack(target, file);
          if (back === undefined) continue;
          context.report({
            loc: { start: context.sourceCode.getLocFromIndex(start), end: context.sourceCode.getLocFromIndex(end) },
            messageId: 'importCycle',
            data: { chain: [file, ...back].map(shown).join(' -> ') },
          });
        }
      },
    };
  },
});

export default rule;
