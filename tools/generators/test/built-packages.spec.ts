import { SOURCE_CONDITION } from '@lepupitre/fixtures';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WORKSPACE_ROOT, workspaceText } from './workspace-files';

/**
 * Every package of `packages/` builds to JavaScript with an `exports` map that gives plain Node
 * the built files and gives the workspace's own tools (TypeScript, Jest, tsx, esbuild) the
 * sources under the `@lepupitre/source` condition (docs/architecture.md, "Built packages").
 * The context generator writes new packages in this shape; these tests hold the existing ones
 * to it, build one for real, and check that nothing of the workspace runs without the condition.
 */

type ExportEntry = Record<string, string>;
type PackageManifest = { main?: string; types?: string; files?: string[]; exports?: Record<string, ExportEntry | string> };

const PACKAGES = readdirSync(join(WORKSPACE_ROOT, 'packages')).sort();
const json = <T>(path: string): T => JSON.parse(workspaceText(path)) as T;

describe.each(PACKAGES)('packages/%s', (name) => {
  const root = `packages/${name}`;
  const manifest = json<PackageManifest>(`${root}/package.json`);

  it('maps every entry to its source under the source condition and to its build otherwise', () => {
    const entries = Object.entries(manifest.exports ?? {}).filter((entry): entry is [string, ExportEntry] => typeof entry[1] === 'object');
    expect(entries.map(([subpath]) => subpath)).toContain('.');
    for (const [subpath, entry] of entries) {
      // Conditions match in the order they are written: the source one must come first.
      expect({ subpath, conditions: Object.keys(entry) }).toEqual({ subpath, conditions: [SOURCE_CONDITION, 'types', 'default'] });
      const source = /^\.\/src\/(.+)\.ts$/.exec(entry[SOURCE_CONDITION] ?? '');
      expect({ subpath, source: entry[SOURCE_CONDITION], exists: source !== null && existsSync(join(WORKSPACE_ROOT, root, `src/${source[1]}.ts`)) }).toEqual({
        subpath,
        source: entry[SOURCE_CONDITION],
        exists: true,
      });
      expect({ subpath, types: entry.types, default: entry.default }).toEqual({ subpath, types: `./dist/${source?.[1]}.d.ts`, default: `./dist/${source?.[1]}.js` });
    }
    const main = manifest.exports?.['.'] as ExportEntry;
    expect({ main: manifest.main, types: manifest.types, files: manifest.files }).toEqual({ main: main.default, types: main.types, files: ['dist'] });
  });

  it('builds src/ into dist/ with declarations, against the built declarations of its dependencies', () => {
    const { compilerOptions, include } = json<{ compilerOptions: Record<string, unknown>; include: string[] }>(`${root}/tsconfig.build.json`);
    expect({ ...compilerOptions, include }).toMatchObject({ rootDir: 'src', outDir: 'dist', declaration: true, customConditions: [], include: ['src/**/*.ts'] });
    const build = json<{ targets: Record<string, { options?: { commands?: string[] } }> }>(`${root}/project.json`).targets.build;
    expect(build?.options?.commands).toContain('tsc -p {projectRoot}/tsconfig.build.json');
  });
});

describe('a built package', () => {
  let home: string;
  beforeAll(() => {
    home = mkdtempSync(join(tmpdir(), 'lepupitre-built-package-'));
  });
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it('is what plain Node loads, with the same exports as its sources', () => {
    // domain-primitives depends on no other package, so it builds alone.
    const installed = join(home, 'node_modules', '@lepupitre', 'domain-primitives');
    mkdirSync(installed, { recursive: true });
    cpSync(join(WORKSPACE_ROOT, 'packages/domain-primitives/package.json'), join(installed, 'package.json'));
    const tsc = require.resolve('typescript/bin/tsc');
    execFileSync(process.execPath, [tsc, '-p', join(WORKSPACE_ROOT, 'packages/domain-primitives/tsconfig.build.json'), '--outDir', join(installed, 'dist')]);
    expect(readFileSync(join(installed, 'dist', 'index.d.ts'), 'utf8')).toContain('LepupitreError');

    const exportsOf = (args: string[]): string[] =>
      JSON.parse(
        execFileSync(process.execPath, [...args, '-p', "JSON.stringify([require.resolve('@lepupitre/domain-primitives'), Object.keys(require('@lepupitre/domain-primitives')).sort()])"], {
          cwd: home,
          encoding: 'utf8',
        }),
      ) as string[];
    const [builtFile, builtExports] = exportsOf([]);
    expect(builtFile).toBe(join(installed, 'dist', 'index.js'));
    expect(builtExports).toEqual(Object.keys(require('@lepupitre/domain-primitives') as object).sort());
  });

  it('resolves to its sources under the source condition', () => {
    const resolved = execFileSync(process.execPath, [`--conditions=${SOURCE_CONDITION}`, '-p', "require.resolve('@lepupitre/db-core/internals')"], {
      cwd: WORKSPACE_ROOT,
      encoding: 'utf8',
    }).trim();
    expect(resolved).toBe(join(WORKSPACE_ROOT, 'packages/db-core/src/internals.ts'));
  });
});

describe('the workspace runs its TypeScript under the source condition', () => {
  it('in TypeScript and in Jest', () => {
    expect(json<{ compilerOptions: { customConditions?: string[] } }>('tsconfig.base.json').compilerOptions.customConditions).toEqual([SOURCE_CONDITION]);
    const preset = require(join(WORKSPACE_ROOT, 'jest.preset.cjs')) as { testEnvironmentOptions?: { customExportConditions?: string[] } };
    expect(preset.testEnvironmentOptions?.customExportConditions?.[0]).toBe(SOURCE_CONDITION);
  });

  it('in every tsx command of a project', () => {
    const projects = ['apps', 'packages', 'tools'].flatMap((folder) =>
      readdirSync(join(WORKSPACE_ROOT, folder), { recursive: true, encoding: 'utf8' })
        .filter((file) => file.endsWith('project.json') && !file.includes('node_modules'))
        .map((file) => `${folder}/${file}`),
    );
    expect(projects.length).toBeGreaterThan(15);
    const withoutCondition = projects.flatMap((project) =>
      (workspaceText(project).match(/"tsx [^"]*"/g) ?? []).filter((command) => !command.startsWith(`"tsx --conditions=${SOURCE_CONDITION} `)).map((command) => `${project}: ${command}`),
    );
    expect(withoutCondition).toEqual([]);
  });

  it('in every child process that runs a TypeScript file', () => {
    // A test runs one through `useChildScript` (@lepupitre/fixtures), bundled with the condition;
    // a child started through tsx's loader instead would resolve packages to their builds.
    const sources = ['apps', 'packages', 'tools'].flatMap((folder) =>
      readdirSync(join(WORKSPACE_ROOT, folder), { recursive: true, encoding: 'utf8' })
        .filter((file) => /\.(ts|cjs)$/.test(file) && !/(^|\/)(node_modules|dist)\//.test(file))
        .map((file) => `${folder}/${file}`),
    );
    const loader = ['require.resolve(', "'tsx/cjs')"].join(''); // written apart, or this file would match
    expect(sources.filter((file) => workspaceText(file).includes(loader))).toEqual([]);
    expect(workspaceText('tools/fixtures/src/child-script.ts')).toContain('conditions: [SOURCE_CONDITION]');
  });
});
