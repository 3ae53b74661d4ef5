import * as path from 'node:path';
import { AST_NODE_TYPES, ESLintUtils, type TSESTree } from '@typescript-eslint/utils';
import { PLACEHOLDER, findSql } from '../sql-text';

const createRule = ESLintUtils.RuleCreator(
  (name) => `https://github.com/lepupitre/lepupitre/blob/main/tools/lint-rules/src/rules/${name}.md`,
);

export type MessageIds = 'driverImport' | 'queriesImport' | 'dbCoreDeepImport' | 'dbCoreRelativeImport' | 'sqlText';

const DRIVERS = ['better-sqlite3', 'kysely'];
const DB_CORE = '@lepupitre/db-core';

function isDriver(source: string): boolean {
  return DRIVERS.some((driver) => source === driver || source.startsWith(`${driver}/`));
}

/** `queries`, `queries.ts`, `./queries`, `../talk/queries/index`, `@lepupitre/repo-talk/src/queries`. */
function isQueriesModule(source: string): boolean {
  return source.split('/').some((segment) => segment.replace(/\.[cm]?[jt]s$/, '') === 'queries');
}

function isRelativeOrAbsolute(source: string): boolean {
  return source === '.' || source === '..' || source.startsWith('./') || source.startsWith('../') || path.isAbsolute(source);
}

/** Whether a relative or absolute import resolves inside `packages/db-core/` (below its root). */
function resolvesIntoDbCore(source: string, filename: string): boolean {
  const resolved = path.resolve(path.dirname(filename), source).split(path.sep).join('/');
  return /(^|\/)packages\/db-core\/./.test(resolved);
}

type Classified = { messageId: Exclude<MessageIds, 'sqlText'>; data: Record<string, string> } | undefined;

function classify(source: string, filename: string): Classified {
  if (isDriver(source)) return { messageId: 'driverImport', data: { source } };
  if (isQueriesModule(source)) return { messageId: 'queriesImport', data: { source } };
  if (source.startsWith(`${DB_CORE}/`)) return { messageId: 'dbCoreDeepImport', data: { source } };
  if (isRelativeOrAbsolute(source) && resolvesIntoDbCore(source, filename)) {
    return { messageId: 'dbCoreRelativeImport', data: { source } };
  }
  return undefined;
}

/** Nodes that only wrap an expression for the type checker. */
function isTypeWrapper(node: TSESTree.Node): node is TSESTree.TSAsExpression | TSESTree.TSSatisfiesExpression | TSESTree.TSNonNullExpression | TSESTree.TSTypeAssertion {
  return (
    node.type === AST_NODE_TYPES.TSAsExpression ||
    node.type === AST_NODE_TYPES.TSSatisfiesExpression ||
    node.type === AST_NODE_TYPES.TSNonNullExpression ||
    node.type === AST_NODE_TYPES.TSTypeAssertion
  );
}

function isStringRaw(node: TSESTree.Expression): boolean {
  return (
    node.type === AST_NODE_TYPES.MemberExpression &&
    !node.computed &&
    node.object.type === AST_NODE_TYPES.Identifier &&
    node.object.name === 'String' &&
    node.property.type === AST_NODE_TYPES.Identifier &&
    node.property.name === 'raw'
  );
}

/** `<array>.join(...)` or `<string>.concat(...)`: the called method's name, when it is one of these. */
function stringMethod(node: TSESTree.CallExpression): 'join' | 'concat' | undefined {
  const callee = node.callee;
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed) return undefined;
  if (callee.property.type !== AST_NODE_TYPES.Identifier) return undefined;
  if (callee.property.name === 'join' && callee.object.type === AST_NODE_TYPES.ArrayExpression) return 'join';
  if (callee.property.name === 'concat' && evaluable(callee.object)) return 'concat';
  return undefined;
}

/** Nodes whose text the rule evaluates: strings, templates and the ways of assembling them. */
function evaluable(node: TSESTree.Node): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.Literal:
      return typeof node.value === 'string';
    case AST_NODE_TYPES.TemplateLiteral:
      return true;
    case AST_NODE_TYPES.BinaryExpression:
      return node.operator === '+';
    case AST_NODE_TYPES.TaggedTemplateExpression:
      return isStringRaw(node.tag);
    case AST_NODE_TYPES.CallExpression:
      return stringMethod(node) !== undefined;
    default:
      return false;
  }
}

/**
 * Whether `node` is one piece of a larger string the rule evaluates as a whole (so only that
 * whole is checked and reported, once).
 */
function isPiece(node: TSESTree.Node): boolean {
  let child: TSESTree.Node = node;
  let parent = node.parent;
  while (parent && isTypeWrapper(parent)) {
    child = parent;
    parent = parent.parent;
  }
  if (!parent) return false;
  switch (parent.type) {
    case AST_NODE_TYPES.BinaryExpression:
      return parent.operator === '+';
    case AST_NODE_TYPES.TemplateLiteral:
      return true;
    case AST_NODE_TYPES.TaggedTemplateExpression:
      return isStringRaw(parent.tag) && parent.quasi === child;
    case AST_NODE_TYPES.ArrayExpression: {
      const member = parent.parent;
      return (
        member?.type === AST_NODE_TYPES.MemberExpression &&
        member.object === parent &&
        member.parent.type === AST_NODE_TYPES.CallExpression &&
        stringMethod(member.parent) === 'join'
      );
    }
    case AST_NODE_TYPES.MemberExpression:
      return (
        parent.object === child && parent.parent.type === AST_NODE_TYPES.CallExpression && stringMethod(parent.parent) === 'concat'
      );
    case AST_NODE_TYPES.CallExpression:
      return stringMethod(parent) !== undefined && parent.arguments.includes(child as TSESTree.CallExpressionArgument);
    default:
      return false;
  }
}

function interleave(quasis: readonly string[], expressions: readonly TSESTree.Node[]): string {
  return quasis.map((quasi, index) => (index < expressions.length ? quasi + evaluate(expressions[index] as TSESTree.Node) : quasi)).join('');
}

/** The static text of an expression; what cannot be known statically reads as {@link PLACEHOLDER}. */
function evaluate(node: TSESTree.Node): string {
  if (isTypeWrapper(node)) return evaluate(node.expression);
  switch (node.type) {
    case AST_NODE_TYPES.Literal:
      return node.value === null || node.value instanceof RegExp ? PLACEHOLDER : String(node.value);
    case AST_NODE_TYPES.TemplateLiteral:
      return interleave(
        node.quasis.map((quasi) => quasi.value.cooked ?? quasi.value.raw),
        node.expressions,
      );
    case AST_NODE_TYPES.TaggedTemplateExpression:
      if (isStringRaw(node.tag)) {
        return interleave(
          node.quasi.quasis.map((quasi) => quasi.value.raw),
          node.quasi.expressions,
        );
      }
      return PLACEHOLDER;
    case AST_NODE_TYPES.BinaryExpression:
      return node.operator === '+' ? evaluate(node.left) + evaluate(node.right) : PLACEHOLDER;
    case AST_NODE_TYPES.CallExpression: {
      const method = stringMethod(node);
      if (method === undefined || node.callee.type !== AST_NODE_TYPES.MemberExpression) return PLACEHOLDER;
      const args = node.arguments.map((argument) => (argument.type === AST_NODE_TYPES.SpreadElement ? PLACEHOLDER : evaluate(argument)));
      if (method === 'concat') return evaluate(node.callee.object) + args.join('');
      const array = node.callee.object as TSESTree.ArrayExpression;
      const separator = node.arguments.length === 0 ? ',' : (args[0] ?? ',');
      return array.elements
        .map((element) => (element === null || element.type === AST_NODE_TYPES.SpreadElement ? PLACEHOLDER : evaluate(element)))
        .join(separator);
    }
    default:
      return PLACEHOLDER;
  }
}

function snippet(sql: string): string {
  const oneLine = sql.replace(/\s+/g, ' ').trim();
  return oneLine.length > 60 ? `${oneLine.slice(0, 57)}...` : oneLine;
}

export const rule = createRule<[], MessageIds>({
  name: 'no-sql-in-command-layer',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Keep the command layer free of SQL: no database driver, query builder, queries module or db-core internals, and no SQL text',
    },
    schema: [],
    messages: {
      driverImport: "'{{source}}' is a database driver or query builder; the command layer goes through the repositories.",
      queriesImport: "'{{source}}' is a queries module; the command layer calls repository functions, not their SQL.",
      dbCoreDeepImport: "'{{source}}' reaches into db-core's internals; import db-core's public API from '@lepupitre/db-core'.",
      dbCoreRelativeImport: "'{{source}}' reaches into packages/db-core by path; import db-core's public API from '@lepupitre/db-core'.",
      sqlText: 'SQL text in the command layer ("{{sql}}"); SQL belongs in a repository\'s queries.ts.',
    },
  },
  defaultOptions: [],
  create(context) {
    const filename = context.filename;

    function checkSource(source: TSESTree.Node | null | undefined): void {
      if (!source || source.type !== AST_NODE_TYPES.Literal || typeof source.value !== 'string') return;
      const found = classify(source.value, filename);
      if (found) context.report({ node: source, messageId: found.messageId, data: found.data });
    }

    function checkText(node: TSESTree.Node): void {
      if (!evaluable(node) || isPiece(node)) return;
      // A module specifier is not text.
      const parent = node.parent;
      if (
        parent &&
        'source' in parent &&
        parent.source === node &&
        (parent.type === AST_NODE_TYPES.ImportDeclaration ||
          parent.type === AST_NODE_TYPES.ExportAllDeclaration ||
          parent.type === AST_NODE_TYPES.ExportNamedDeclaration ||
          parent.type === AST_NODE_TYPES.ImportExpression)
      ) {
        return;
      }
      const sql = findSql(evaluate(node));
      if (sql !== undefined) context.report({ node, messageId: 'sqlText', data: { sql: snippet(sql) } });
    }

    return {
      ImportDeclaration: (node) => checkSource(node.source),
      ExportAllDeclaration: (node) => checkSource(node.source),
      ExportNamedDeclaration: (node) => checkSource(node.source),
      ImportExpression: (node) => checkSource(node.source),
      TSImportEqualsDeclaration(node) {
        if (node.moduleReference.type === AST_NODE_TYPES.TSExternalModuleReference) checkSource(node.moduleReference.expression);
      },
      // `typeof import('kysely')` in a type position.
      TSImportType: (node) => checkSource(node.source),
      CallExpression(node) {
        if (
          node.callee.type === AST_NODE_TYPES.Identifier &&
          node.callee.name === 'require' &&
          node.arguments.length === 1
        ) {
          checkSource(node.arguments[0]);
        }
        checkText(node);
      },
      Literal: checkText,
      TemplateLiteral: checkText,
      BinaryExpression: checkText,
      TaggedTemplateExpression: checkText,
    };
  },
});

export default rule;
