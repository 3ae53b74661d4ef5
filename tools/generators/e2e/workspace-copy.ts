/**
 * A throwaway copy of the workspace for the end-to-end checks: the committed tree (HEAD, so
 * colleagues' uncommitted work never decides the outcome) plus this package's working copy, in a
 * temporary folder. Its node_modules holds links to the real packages, except the workspace's
 * own `@lepupitre/*`, which point into the copy, as `npm install` would link them there; so the
 * copy's projects resolve the copy's db-core, migrations included.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const WORKSPACE_ROOT = join(__dirname, '../../..');

/** Files of the working copy laid over HEAD: the generators and what they rely on. */
const OVERLAID = ['tools/generators', 'packages/db-core/test/migration-placeholders.spec.ts'];

export interface CommandResult {
  readonly status: number;
  readonly output: string;
  readonly seconds: number;
}

export class WorkspaceCopy {
  readonly root: string;

  constructor() {
    this.root = mkdtempSync(join(tmpdir(), 'lepupitre-generators-e2e-'));
    const archive = execFileSync('git', ['archive', '--format=tar', 'HEAD'], { cwd: WORKSPACE_ROOT, maxBuffer: 1 << 30 });
    execFileSync('tar', ['-x', '-C', this.root], { input: archive });
    for (const path of OVERLAID) cpSync(join(WORKSPACE_ROOT, path), join(this.root, path), { recursive: true });
    const modules = join(this.root, 'node_modules');
    mkdirSync(modules);
    for (const entry of readdirSync(join(WORKSPACE_ROOT, 'node_modules'))) {
      if (entry !== '@lepupitre') symlinkSync(join(WORKSPACE_ROOT, 'node_modules', entry), join(modules, entry));
    }
    this.linkWorkspacePackages();
  }

  /** Links every workspace package of the copy under node_modules/@lepupitre, the new ones too. */
  linkWorkspacePackages(): void {
    const scope = join(this.root, 'node_modules/@lepupitre');
    rmSync(scope, { recursive: true, force: true });
    mkdirSync(scope);
    for (const group of ['packages', 'apps', 'tools']) {
      for (const folder of readdirSync(join(this.root, group))) {
        const manifest = join(this.root, group, folder, 'package.json');
        if (!existsSync(manifest)) continue;
        const { name } = JSON.parse(readFileSync(manifest, 'utf-8')) as { name: string };
        symlinkSync(join(this.root, group, folder), join(scope, name.replace('@lepupitre/', '')));
      }
    }
  }

  /** `npx <args>` in the copy, Nx without daemon or cache of the real workspace. */
  run(...args: string[]): CommandResult {
    const started = Date.now();
    const result = spawnSync('npx', args, {
      cwd: this.root,
      encoding: 'utf-8',
      maxBuffer: 1 << 28,
      env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', CI: 'true' },
    });
    const seconds = Math.round((Date.now() - started) / 100) / 10;
    console.log(`${seconds}s  npx ${args.join(' ')}  (exit ${result.status})`);
    // eslint-disable-next-line no-control-regex -- the colours jest prints even when told not to
    const output = `${result.stdout}${result.stderr}`.replace(/\u001b\[[0-9;]*m/g, '');
    return { status: result.status ?? -1, output, seconds };
  }

  /** Like `run`, but fails with the command's output when it fails. */
  expectSuccess(...args: string[]): CommandResult {
    const result = this.run(...args);
    if (result.status !== 0) throw new Error(`npx ${args.join(' ')} failed:\n${result.output.slice(-6000)}`);
    return result;
  }

  read(path: string): string {
    return readFileSync(join(this.root, path), 'utf-8');
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}
