import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Linter, RuleTester, type Rule } from 'eslint';
import { parser } from 'typescript-eslint';
import { rule } from './no-import-cycle';

/**
 * Each case lints one file of a small tree written to a temporary folder: the rule reads the
 * other files from disk, as it does when ESLint lints a single file.
 */
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'no-import-cycle-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

let trees = 0;
/** Writes `files` (paths relative to a fresh folder) and returns that folder. */
function tree(files: Record<string, string>): string {
  const dir = path.join(root, `tree-${++trees}`);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** The chain as the rule prints it: files relative to the working folder, `/`-separated. */
const chain = (dir: string, ...names: string[]): string =>
  names.map((name) => path.relative(process.cwd(), path.join(dir, name)).split(path.sep).join('/')).join(' -> ');

const languageOptions = { parser, ecmaVersion: 2022, sourceType: 'module' } as const;
const ruleTester = new RuleTester({ languageOptions });

/** A case that lints `a.ts` of the tree with `code` as its current text. */
function lintA(dir: string, code: string): { code: string; filename: string } {
  return { code, filename: path.join(dir, 'a.ts') };
}
function cycle(dir: string, code: string, ...chains: string[][]): RuleTester.InvalidTestCase {
  return { ...lintA(dir, code), errors: chains.map((names) => ({ messageId: 'importCycle', data: { chain: chain(dir, ...names) } })) };
}

const line = tree({ 'a.ts': "import { b } from './b';", 'b.ts': "import { c } from './c';\nexport const b = 1;", 'c.ts': 'export const c = 1;' });
const elsewhere = tree({ 'a.ts': '', 'b.ts': "import './c';", 'c.ts': "import './b';", 'data.json': '{}' });
const pair = tree({ 'a.ts': '', 'b.ts': "import { a } from './a';\nexport const b = a;" });
const typeOnly = tree({ 'a.ts': '', 'b.ts': "import type { A } from './a';\nexport type B = A;" });
const throughIndex = tree({ 'a.ts': '', 'dir/index.ts': "export * from './inner';", 'dir/inner.ts': "export { a } from '../a';" });
const three = tree({ 'a.ts': '', 'x.ts': "import './y';", 'y.ts': "import './a';" });
const two = tree({ 'a.ts': '', 'b.ts': "import './a';", 'c.ts': "import './d';", 'd.ts': "import './a';" });
const lazy = tree({ 'a.ts': '', 'b.ts': "export async function load() { return import('./a'); }", 'c.ts': "const a = require('./a');\nexport = a;" });

ruleTester.run('no-import-cycle', rule as unknown as Rule.RuleModule, {
  valid: [
    lintA(line, "import { b } from './b';"),
    // Packages, Node's modules, a missing file and a JSON file lead nowhere.
    lintA(line, "import { openDatabase } from '@lepupitre/db-core';\nimport * as fs from 'node:fs';\nimport { x } from './nowhere';"),
    lintA(elsewhere, "import data from './data.json';"),
    // b and c form a cycle, but a is not on it: linting b or c reports it.
    lintA(elsewhere, "import './b';"),
    // a's current text is what counts: on disk it imports nothing, and now it no longer imports b.
    lintA(pair, "export const a = 1;"),
  ],
  invalid: [
    cycle(pair, "import { b } from './b';\nexport const a = 1;", ['a.ts', 'b.ts', 'a.ts']),
    cycle(pair, "import { b } from './b.js';", ['a.ts', 'b.ts', 'a.ts']),
    cycle(typeOnly, "import type { B } from './b';\nexport type A = string;", ['a.ts', 'b.ts', 'a.ts']),
    cycle(pair, "export * from './b';", ['a.ts', 'b.ts', 'a.ts']),
    cycle(throughIndex, "import { x } from './dir';\nexport const a = x;", ['a.ts', 'dir/index.ts', 'dir/inner.ts', 'a.ts']),
    cycle(three, "import './x';", ['a.ts', 'x.ts', 'y.ts', 'a.ts']),
    cycle(three, "import './a';", ['a.ts', 'a.ts']),
    // Each import that starts a way back is reported, with its own shortest chain.
    cycle(two, "import './b';\nimport './c';\nimport './b';", ['a.ts', 'b.ts', 'a.ts'], ['a.ts', 'c.ts', 'd.ts', 'a.ts']),
    // Lazy imports still tie the files together.
    cycle(lazy, "export const load = () => import('./b');", ['a.ts', 'b.ts', 'a.ts']),
    cycle(lazy, "import c = require('./c');\nexport { c };", ['a.ts', 'c.ts', 'a.ts']),
  ],
});

describe('no-import-cycle in a long-lived ESLint process', () => {
  const linter = new Linter({ cwd: root });
  const config = [{ files: ['**/*.ts'], languageOptions, plugins: { lepupitre: { rules: { 'no-import-cycle': rule as unknown as Rule.RuleModule } } }, rules: { 'lepupitre/no-import-cycle': 'error' as const } }];
  const lint = (dir: string, code: string): string[] =>
    linter.verify(code, config, { filename: path.join(dir, 'a.ts') }).map((message) => message.messageId ?? message.message);

  it('sees a file edited since it was read', () => {
    const dir = tree({ 'a.ts': '', 'b.ts': 'export const b = 1;' });
    expect(lint(dir, "import './b';")).toEqual([]);
    fs.writeFileSync(path.join(dir, 'b.ts'), "import './a';\nexport const b = 1;");
    expect(lint(dir, "import './b';")).toEqual(['importCycle']);
    fs.writeFileSync(path.join(dir, 'b.ts'), 'export const b = 2;');
    expect(lint(dir, "import './b';")).toEqual([]);
  });

  it('sees a file created since an import named it in vain', () => {
    const dir = tree({ 'a.ts': '', 'b.ts': "import './c';" });
    expect(lint(dir, "import './b';")).toEqual([]);
    fs.writeFileSync(path.join(dir, 'c.ts'), "import './a';");
    expect(lint(dir, "import './b';")).toEqual(['importCycle']);
  });
});
