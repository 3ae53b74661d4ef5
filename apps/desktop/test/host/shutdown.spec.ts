import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SOURCE_CONDITION } from '@lepupitre/fixtures';
import type { AnyCommand } from '../../src/commands/command';
import { COMMANDS } from '../../src/commands/catalogue';
import { startAppHost, type RunningAppHost } from '../../src/host/app-host';
import { createStopper } from '../../src/host/shutdown';
import { ipc } from './http-client';

// The last test starts the host in its own process (TypeScript through tsx: seconds when busy).
jest.setTimeout(60_000);

const STUCK_HOST = path.resolve(__dirname, 'support', 'stuck-host.cjs');
const URL_LINE = /http:\/\/127\.0\.0\.1:(\d+)\/#token=([0-9a-f]{64})/;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `ready` every 20 ms, at most `ms`; false when it never became true. */
async function waitFor(ready: () => boolean, ms = 10_000): Promise<boolean> {
  for (const until = Date.now() + ms; Date.now() < until; await sleep(20)) if (ready()) return true;
  return ready();
}

interface StopRecord {
  readonly lines: string[];
  readonly exits: number[];
  readonly killed: Promise<NodeJS.Signals>;
  readonly stop: (signal: NodeJS.Signals) => void;
}

/** A stopper whose exit and kill are recorded instead of ending the test process. */
function recordedStopper(host: RunningAppHost, deadlineMs: number): StopRecord {
  const lines: string[] = [];
  const exits: number[] = [];
  let onKill: (signal: NodeJS.Signals) => void = () => undefined;
  const killed = new Promise<NodeJS.Signals>((resolve) => (onKill = resolve));
  const log = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line) };
  const stop = createStopper(host, log, { deadlineMs, exit: (code) => exits.push(code), kill: (signal) => onKill(signal) });
  return { lines, exits, killed, stop };
}

describe('stopping the app host', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'lepupitre-stop-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  describe('in this process, with a command that never finishes', () => {
    let host: RunningAppHost;
    let release: () => void;
    let handler: jest.SpyInstance;
    let pending: Promise<unknown>;

    beforeEach(async () => {
      host = await startAppHost({ dataDir: path.join(root, 'data') });
      const released = new Promise<void>((resolve) => (release = resolve));
      const command = COMMANDS.find((c) => c.name === 'profile_list') as { handler: AnyCommand['handler'] };
      handler = jest.spyOn(command, 'handler').mockImplementation(async () => {
        await released;
        return [];
      });
      pending = ipc(host.port, 'profile_list', {}, { Authorization: `Bearer ${host.token}` }).catch(() => undefined);
      expect(await waitFor(() => handler.mock.calls.length > 0)).toBe(true);
    });
    afterEach(async () => {
      release();
      await pending;
      handler.mockRestore();
      await host.close();
    });

    it('ends the process at its deadline, by the signal, with a clear log line', async () => {
      const record = recordedStopper(host, 300);
      const started = Date.now();
      record.stop('SIGTERM');
      const outcome = await Promise.race([record.killed, sleep(5000).then(() => 'still waiting')]);
      expect(outcome).toBe('SIGTERM');
      expect(Date.now() - started).toBeGreaterThanOrEqual(250);
      expect(record.exits).toEqual([]);
      expect(record.lines).toEqual([
        'SIGTERM: stopping',
        'stop: commands still running after 0.3 s; exiting without closing the databases (the next start recovers them)',
      ]);
    });

    it('ends it at once on a second signal', async () => {
      const record = recordedStopper(host, 60_000);
      record.stop('SIGINT');
      record.stop('SIGINT');
      expect(await Promise.race([record.killed, sleep(5000).then(() => 'still waiting')])).toBe('SIGINT');
      expect(record.lines[1]).toBe('SIGINT again: exiting at once, without waiting for running commands');
    });

    it('exits 0 once the command finishes before the deadline, the databases closed', async () => {
      const record = recordedStopper(host, 60_000);
      record.stop('SIGTERM');
      await sleep(50);
      expect(record.exits).toEqual([]);
      release();
      expect(await waitFor(() => record.exits.length > 0)).toBe(true);
      expect(record.exits).toEqual([0]);
      expect(record.lines).toEqual(['SIGTERM: stopping']);
    });
  });

  it('ends a launched host within its deadline even with a worker thread stuck in open(2) of a FIFO', async () => {
    const fifo = path.join(root, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const child = spawn(process.execPath, [`--conditions=${SOURCE_CONDITION}`, STUCK_HOST, path.join(root, 'data'), fifo, '500'], {
      cwd: root,
      env: { ...process.env, HOME: root },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    try {
      expect(await waitFor(() => URL_LINE.test(stdout), 30_000)).toBe(true);
      const [, port, token] = URL_LINE.exec(stdout) as RegExpExecArray;
      void ipc(Number(port), 'profile_list', {}, { Authorization: `Bearer ${token}` }).catch(() => undefined);
      expect(await waitFor(() => stderr.includes('profile_list: opening the FIFO'))).toBe(true);
      await sleep(100);

      const started = Date.now();
      child.kill('SIGTERM');
      const outcome = await Promise.race([exited, sleep(8000).then(() => 'still running')]);
      expect(outcome).toEqual({ code: null, signal: 'SIGTERM' });
      expect(Date.now() - started).toBeLessThan(5000);
      expect(stderr).toContain('stop: commands still running after 0.5 s; exiting without closing the databases');
    } finally {
      // The test's own cleanup: the process it started, by its handle, if it is still there.
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    }
  });
});
