/**
 * ESLint as the workspace runs it: `new ESLint({ cwd: <workspace root> })` with the root
 * eslint.config.mjs, in a child Node process (Jest's module sandbox cannot load an ES-module
 * config). Texts are linted with `lintText(text, { filePath })`, so nothing is written into the
 * source tree; one process serves a whole request, since loading the config is the slow part.
 */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

export const workspaceRoot = path.resolve(__dirname, '../../../..');

export interface LintMessage {
  ruleId: string | null;
  messageId?: string;
  line: number;
  message: string;
  severity: number;
  fatal?: boolean;
}

export interface LintResult {
  filePath: string;
  messages: LintMessage[];
}

/** The parts of the configuration ESLint computes for a file that these tests look at. */
export interface FileConfig {
  rules: Record<string, unknown>;
  parserOptions: Record<string, unknown>;
}

export interface WorkspaceEslintRequest {
  /** Texts to lint, each under a path relative to the workspace root. */
  readonly texts?: readonly { readonly text: string; readonly filePath: string }[];
  /** Paths, relative to the workspace root, whose computed configuration is wanted. */
  readonly configsOf?: readonly string[];
}

export interface WorkspaceEslintAnswer {
  results: LintResult[];
  configs: FileConfig[];
}

const MARKER = '\n--workspace-eslint--\n';

export function workspaceEslint(request: WorkspaceEslintRequest): WorkspaceEslintAnswer {
  const script = `
    const { ESLint } = require('eslint');
    const path = require('node:path');
    (async () => {
      const request = JSON.parse(process.argv[1]);
      const eslint = new ESLint({ cwd: process.cwd() });
      const results = [];
      for (const { text, filePath } of request.texts ?? []) {
        const [result] = await eslint.lintText(text, { filePath: path.resolve(filePath) });
        results.push({ filePath: result.filePath, messages: result.messages });
      }
      const configs = [];
      for (const filePath of request.configsOf ?? []) {
        const config = (await eslint.calculateConfigForFile(path.resolve(filePath))) ?? {};
        configs.push({ rules: config.rules ?? {}, parserOptions: (config.languageOptions && config.languageOptions.parserOptions) ?? {} });
      }
      process.stdout.write(${JSON.stringify(MARKER)} + JSON.stringify({ results, configs }));
    })().catch((error) => { console.error(error); process.exit(2); });
  `;
  const output = execFileSync(process.execPath, ['-e', script, JSON.stringify(request)], {
    cwd: workspaceRoot,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  // Nx's boundary rule may print a warning on stdout first (no cached project graph yet).
  return JSON.parse(output.slice(output.lastIndexOf(MARKER) + MARKER.length)) as WorkspaceEslintAnswer;
}

/** A rule entry's severity as a number (ESLint normalises `'error'` to `[2]`); 0 when absent. */
export function severityOf(setting: unknown): number {
  const level: unknown = Array.isArray(setting) ? setting[0] : setting;
  if (level === 'error' || level === 2) return 2;
  if (level === 'warn' || level === 1) return 1;
  return 0;
}
