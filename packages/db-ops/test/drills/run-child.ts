import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { TYPESCRIPT_CHILD_ARGS } from '@lepupitre/fixtures';

const CHILD = join(__dirname, 'migrate-child.ts');

export interface ChildOutcome {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the migrating child to completion (or to its death). */
export function runChild(args: readonly string[]): ChildOutcome {
  const result = spawnSync(process.execPath, [...TYPESCRIPT_CHILD_ARGS, CHILD, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

/** Starts the migrating child and returns it with a promise of its outcome. */
export function startChild(args: readonly string[]): { child: ChildProcessWithoutNullStreams; done: Promise<ChildOutcome> } {
  const child = spawn(process.execPath, [...TYPESCRIPT_CHILD_ARGS, CHILD, ...args]);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<ChildOutcome>((resolve) =>
    child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr })),
  );
  return { child, done };
}
