import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { HOST_RECORD_FILE } from '../../src/host/host-record';
import { call, ipc } from './http-client';
import { LaunchedHost } from './launched-host';

// Each test starts the real launcher two or three times (TypeScript through tsx: seconds when busy).
jest.setTimeout(90_000);

const TOKEN = /[0-9a-f]{64}/;

/**
 * One app host per data folder, with real processes as `npm start` runs them: a second launch
 * is refused with the first one's address (never its token) while the first keeps serving, a
 * host killed with SIGKILL does not block the next start, and of two launches at the same
 * instant exactly one runs.
 */
describe('one app host per data folder', () => {
  let root: string;
  let dataDir: string;
  const hosts: LaunchedHost[] = [];
  const launch = (): LaunchedHost => {
    const host = LaunchedHost.start(dataDir, root);
    hosts.push(host);
    return host;
  };
  const recordOf = (): { pid: number; port: number; startedAt: string } =>
    JSON.parse(readFileSync(path.join(dataDir, HOST_RECORD_FILE), 'utf8')) as { pid: number; port: number; startedAt: string };

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'lepupitre-single-'));
    dataDir = path.join(root, 'data');
  });
  afterEach(async () => {
    await Promise.all(hosts.splice(0).map((host) => host.kill()));
    rmSync(root, { recursive: true, force: true });
  });

  /** Expects `second` to have been refused, naming `first`'s address without its token. */
  async function expectRefusedFor(second: LaunchedHost, first: { port: number }): Promise<void> {
    expect(await second.ended()).toBe(1);
    expect(second.output).toContain(`could not start: HOST_ALREADY_RUNNING: LePupitre is already running on this data folder, at http://127.0.0.1:${first.port}/ `);
    expect(second.output).toContain('stop that one first');
    expect(second.output).not.toMatch(TOKEN);
    expect(second.output).not.toContain('#token=');
  }

  it('refuses a second launch with the first one’s address, and the first keeps serving', async () => {
    const first = launch();
    const running = await first.url();
    expect(recordOf()).toEqual({ pid: first.pid, port: running.port, startedAt: expect.any(String) });

    const second = launch();
    await expectRefusedFor(second, running);

    const answer = await ipc(running.port, 'profile_create', { name: 'Ada' }, { Authorization: `Bearer ${running.token}` });
    expect(answer.json).toMatchObject({ ok: true });
    expect(first.exited).toBe(false);
    // A clean stop removes the record (the lock file stays: it is never deleted).
    expect(await first.stop()).toBe(0);
    expect(existsSync(path.join(dataDir, HOST_RECORD_FILE))).toBe(false);
  });

  it('starts over the record a SIGKILLed host left, and records itself instead', async () => {
    const killed = launch();
    await killed.url();
    await killed.kill();
    expect(recordOf().pid).toBe(killed.pid);

    const next = launch();
    const running = await next.url();
    expect(recordOf()).toEqual({ pid: next.pid, port: running.port, startedAt: expect.any(String) });
    const health = await call(running.port, { path: '/health', headers: { Host: `127.0.0.1:${running.port}` } });
    expect(health.json).toEqual({ app: 'lepupitre-host', pid: next.pid });

    await expectRefusedFor(launch(), running);
  });

  it('runs exactly one of two launches started at the same instant', async () => {
    const pair = [launch(), launch()];
    const outcomes = await Promise.all(pair.map((host) => host.url().then((url) => ({ host, url }), () => ({ host, url: null }))));
    const running = outcomes.filter((outcome) => outcome.url !== null);
    const refused = outcomes.filter((outcome) => outcome.url === null);
    expect({ running: running.length, refused: refused.length }).toEqual({ running: 1, refused: 1 });
    const [winner] = running;
    const [loser] = refused;
    if (!winner?.url || !loser) throw new Error('unreachable');
    await expectRefusedFor(loser.host, winner.url);
    expect(winner.host.exited).toBe(false);
    expect(recordOf()).toMatchObject({ pid: winner.host.pid, port: winner.url.port });
  });
});
