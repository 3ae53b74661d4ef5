import { spawn, type ChildProcessByStdio } from 'node:child_process';
import path from 'node:path';
import type { Readable } from 'node:stream';

export const HOST_BIN = path.resolve(__dirname, '..', '..', 'bin', 'lepupitre-host.cjs');

const URL_LINE = /^\s+(http:\/\/127\.0\.0\.1:(\d+)\/#token=([0-9a-f]{64}))$/m;

/** The real launcher in its own process, as `npm start` runs it. */
export class LaunchedHost {
  private stdout = '';
  private stderr = '';
  /** Settles once the process has ended and its output is all read: to its exit code. */
  private readonly closed: Promise<number | null>;

  private constructor(private readonly child: ChildProcessByStdio<null, Readable, Readable>) {
    this.closed = new Promise((resolve) => child.once('close', (code) => resolve(code)));
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (this.stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (this.stderr += chunk));
  }

  static start(dataDir: string, home: string): LaunchedHost {
    const env: NodeJS.ProcessEnv = { ...process.env, HOME: home };
    delete env['LEPUPITRE_DATA_DIR'];
    const child = spawn(process.execPath, [HOST_BIN, '--data-dir', dataDir], { cwd: home, env, stdio: ['ignore', 'pipe', 'pipe'] });
    return new LaunchedHost(child);
  }

  /** The URL it printed, once it has; fails with its output if it exits or stays silent. */
  async url(timeoutMs = 30000): Promise<{ url: string; port: number; token: string }> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const match = URL_LINE.exec(this.stdout);
      if (match?.[1] && match[2] && match[3]) return { url: match[1], port: Number(match[2]), token: match[3] };
      if (this.exited) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`the host printed no URL.\nstdout:\n${this.stdout}\nstderr:\n${this.stderr}`);
  }

  /** Sends SIGTERM and resolves to the exit code. */
  stop(): Promise<number | null> {
    if (this.exited) return Promise.resolve(this.child.exitCode);
    return new Promise((resolve) => {
      this.child.once('exit', (code) => resolve(code));
      this.child.kill('SIGTERM');
    });
  }

  /**
   * Sends SIGKILL, as a crash or a power cut ends the app: no handler runs, no request finishes,
   * no database is closed. Resolves once the process is gone; does nothing if it already is.
   */
  kill(): Promise<void> {
    if (this.exited) return Promise.resolve();
    return new Promise((resolve) => {
      this.child.once('exit', () => resolve());
      this.child.kill('SIGKILL');
    });
  }

  get pid(): number {
    return this.child.pid ?? 0;
  }

  /**
   * Resolves to the exit code once the process has ended by itself and its output is all read
   * (null when a signal ended it); fails with its output if it still runs after `timeoutMs`.
   */
  ended(timeoutMs = 30000): Promise<number | null> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the host is still running after ${timeoutMs} ms.\n${this.output}`)), timeoutMs);
      void this.closed.then((code) => {
        clearTimeout(timer);
        resolve(code);
      });
    });
  }

  /** True once the process has ended, by itself or by a signal. */
  get exited(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }

  /** What it wrote on stderr so far: the host's log (recoveries, artifact sweeps, failures). */
  get log(): string {
    return this.stderr;
  }

  get output(): string {
    return `stdout:\n${this.stdout}\nstderr:\n${this.stderr}`;
  }
}
