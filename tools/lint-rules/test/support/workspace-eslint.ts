/**
 * ESLint as the workspace runs it: `new ESLint({ cwd: <workspace root> })` with the root
 * eslint.config.mjs. It runs in one Node process for the whole Jest run (eslint-worker.cjs,
 * started by the Jest config's global setup), since loading the config and building the typed
 * program are the slow part, and Jest's module sandbox cannot load an ES-module config. Texts
 * are linted with `lintText(text, { filePath })`, so nothing is written into the source tree.
 */
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
  /** Glob patterns, relative to the workspace root, of files to lint from disk. */
  readonly filesMatching?: readonly string[];
  /** Paths, relative to the workspace root (or absolute), whose computed configuration is wanted. */
  readonly configsOf?: readonly string[];
}

export interface WorkspaceEslintAnswer {
  /** One per text, in order. */
  results: LintResult[];
  /** The files the patterns matched, as ESLint lists them. */
  files: LintResult[];
  /** One per path of `configsOf`, in order. */
  configs: FileConfig[];
}

/** Asks the run's ESLint process (one request at a time; each sees the source tree as it is). */
export async function workspaceEslint(request: WorkspaceEslintRequest): Promise<WorkspaceEslintAnswer> {
  const url = process.env['WORKSPACE_ESLINT_URL'];
  if (url === undefined) {
    throw new Error('No ESLint process: run these specs with tools/lint-rules/jest.config.cjs, whose global setup starts it.');
  }
  const body = JSON.stringify(request);
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).catch((error: unknown) => {
    throw new Error(`No answer from the ESLint process at ${url} (it stopped?)`, { cause: error });
  });
  if (!response.ok) throw new Error(`ESLint failed on ${body}:\n${await response.text()}`);
  return (await response.json()) as WorkspaceEslintAnswer;
}

/** A rule entry's severity as a number (ESLint normalises `'error'` to `[2]`); 0 when absent. */
export function severityOf(setting: unknown): number {
  const level: unknown = Array.isArray(setting) ? setting[0] : setting;
  if (level === 'error' || level === 2) return 2;
  if (level === 'warn' || level === 1) return 1;
  return 0;
}
