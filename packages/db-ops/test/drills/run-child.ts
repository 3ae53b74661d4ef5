import { useChildScript } from '@lepupitre/fixtures';
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';

export interface ChildOutcome {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface MigratingChild {
  /** Runs the migrating child to completion (or to its death). */
  run(args: readonly string[]): ChildOutcome;
  /** Starts the migrating child and returns it with a promise of its outcome. */
  start(args: readonly string[]): { child: ChildProcessWithoutNullStreams; done: Promise<ChildOutcome> };
}

/**
 * The migrating child (`migrate-child.ts`), bundled once for the spec. Call it in a `describe`
 * body; run or start the child inside the tests.
 */
export function useMigratingChild(): MigratingChild {
  const script = useChildScript(join(__dirname, 'migrate-child.ts'));
  return {
    run(args) {
      const result = spawnSync(process.execPath, [script(), ...args], { encoding: 'utf8', timeout: 60_000 });
      return { status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
    },
    start(args) {
      const child = spawn(process.execPath, [script(), ...args]);
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const done = new Promise<ChildOutcome>((resolve) =>
        child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr })),
      );
      return { child, done };
    },
  };
}
