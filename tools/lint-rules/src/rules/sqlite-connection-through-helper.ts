import { AST_NODE_TYPES, ESLintUtils, type TSESTree } from '@typescript-eslint/utils';

const createRule = ESLintUtils.RuleCreator(
  (name) => `https://github.com/lepupitre/lepupitre/blob/main/tools/lint-rules/src/rules/${name}.md`,
);

export type MessageIds = 'driverValueImport';

const DRIVER = 'better-sqlite3';

function isDriver(node: TSESTree.Node | null | undefined): node is TSESTree.StringLiteral {
  return !!node && node.type === AST_NODE_TYPES.Literal && node.value === DRIVER;
}

/**
 * Production code creates SQLite connections only through db-core's `openSqliteConnection`,
 * which sets `trusted_schema = OFF` before anything reads a file's schema. Creating one needs
 * the driver as a value (`new Database(...)`, `Database(...)`), so any way of getting that
 * value is reported: a value import, `import x = require()`, `require()`, `import()`, a
 * re-export. Type-only imports stay allowed: naming `Database.Database` opens nothing. The
 * helper's own file is left out by the workspace config, not by this rule.
 */
export const rule = createRule<[], MessageIds>({
  name: 'sqlite-connection-through-helper',
  meta: {
    type: 'problem',
    docs: {
      description: "Open SQLite connections only through db-core's openSqliteConnection (trusted_schema=OFF on every connection)",
    },
    schema: [],
    messages: {
      driverValueImport:
        "'better-sqlite3' is imported as a value: open connections with db-core's openSqliteConnection (connection/sqlite-connection.ts), which sets trusted_schema=OFF; import the driver's types with `import type`.",
    },
  },
  defaultOptions: [],
  create(context) {
    const report = (node: TSESTree.Node): void => context.report({ node, messageId: 'driverValueImport' });
    return {
      ImportDeclaration(node) {
        if (!isDriver(node.source) || node.importKind === 'type') return;
        if (node.specifiers.length === 0) return;
        const value = node.specifiers.some((s) => s.type !== AST_NODE_TYPES.ImportSpecifier || s.importKind !== 'type');
        if (value) report(node.source);
      },
      ExportNamedDeclaration(node) {
        if (isDriver(node.source) && node.exportKind !== 'type' && node.specifiers.some((s) => s.exportKind !== 'type')) report(node.source);
      },
      ExportAllDeclaration(node) {
        if (isDriver(node.source) && node.exportKind !== 'type') report(node.source);
      },
      ImportExpression(node) {
        if (isDriver(node.source)) report(node.source);
      },
      TSImportEqualsDeclaration(node) {
        const reference = node.moduleReference;
        if (node.importKind !== 'type' && reference.type === AST_NODE_TYPES.TSExternalModuleReference && isDriver(reference.expression)) {
          report(reference.expression);
        }
      },
      CallExpression(node) {
        const [argument] = node.arguments;
        if (node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'require' && isDriver(argument)) report(argument);
      },
    };
  },
});

export default rule;
