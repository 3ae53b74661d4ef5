import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { useTempDir } from '@lepupitre/fixtures';
import { checkWorkspace, formatDiagnostics } from '../src/check-workspace';
import { projectTsconfigs } from '../src/project-tsconfigs';

const workspaceRoot = resolve(__dirname, '../../..');

/** A project folder with a project.json whose typecheck target is `tsc -p`, and its sources. */
function writeProject(root: string, folder: string, compilerOptions: Record<string, unknown>, files: Record<string, string>): void {
  const dir = join(root, folder);
  mkdirSync(join(dir, 'src'), { recursive: true });
  const name = folder.split('/').pop() as string;
  const targets = { typecheck: { executor: 'nx:run-commands', options: { command: `tsc -p ${folder}/tsconfig.json --noEmit` } } };
  writeFileSync(join(dir, 'project.json'), JSON.stringify({ name, targets }));
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, types: [], lib: ['ES2022'], ...compilerOptions }, include: ['src/**/*.ts'] }));
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, 'src', file), text);
}

const messages = (root: string, check: ReturnType<typeof checkWorkspace>): string[] =>
  check.diagnostics.map((d) => `${d.file ? relative(root, d.file.fileName) : '-'}: ${typeof d.messageText === 'string' ? d.messageText : d.messageText.messageText}`);

describe('the workspace type check', () => {
  const dir = useTempDir();

  it('checks projects with the same options in one program and reports a type error with its file', () => {
    writeProject(dir(), 'packages/a', {}, { 'index.ts': 'export const a: number = 1;\n' });
    writeProject(dir(), 'packages/b', {}, { 'index.ts': "export const b: string = 2;\n" });
    const check = checkWorkspace(projectTsconfigs(dir()));
    expect(check.programs).toEqual([{ projects: ['a', 'b'], files: 2 }]);
    expect(messages(dir(), check)).toEqual(["packages/b/src/index.ts: Type 'number' is not assignable to type 'string'."]);
    expect(formatDiagnostics(check.diagnostics, dir())).toContain('packages/b/src/index.ts');
  });

  it('gives a project with other options a program of its own, checked with those options', () => {
    const implicitAny = { 'index.ts': 'export function f(x) { return x; }\n' };
    writeProject(dir(), 'packages/strict', {}, implicitAny);
    writeProject(dir(), 'tools/loose', { noImplicitAny: false }, implicitAny);
    const check = checkWorkspace(projectTsconfigs(dir()));
    expect(check.programs).toEqual([
      { projects: ['strict'], files: 1 },
      { projects: ['loose'], files: 1 },
    ]);
    expect(messages(dir(), check)).toEqual(["packages/strict/src/index.ts: Parameter 'x' implicitly has an 'any' type."]);
  });

  it('refuses a file that would put globals into the shared program', () => {
    writeProject(dir(), 'packages/a', {}, { 'script.ts': 'const shared = 1;\n', 'global.ts': 'export {};\ndeclare global { var seen: number }\n' });
    const check = checkWorkspace(projectTsconfigs(dir()));
    expect(messages(dir(), check).map((m) => m.split(':')[0]).sort()).toEqual(['packages/a/src/global.ts', 'packages/a/src/script.ts']);
  });

  it('refuses a typecheck target it cannot stand in for', () => {
    writeProject(dir(), 'packages/a', {}, { 'index.ts': 'export {};\n' });
    const file = join(dir(), 'packages/a/project.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('--noEmit', '--noEmit --strict false'));
    expect(() => projectTsconfigs(dir())).toThrow('packages/a/project.json: the typecheck target of a is not `tsc -p <tsconfig> --noEmit`');
  });

  it('covers every project of this workspace that has a typecheck target', () => {
    const found = projectTsconfigs(workspaceRoot).map((p) => p.project);
    expect(found).toEqual(expect.arrayContaining(['db-core', 'db-ops', 'desktop', 'repo-talk', 'workspace-typecheck']));
    expect(new Set(found).size).toBe(found.length);
  });
});
