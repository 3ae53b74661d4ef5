import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sentenceOf } from '../../src/errors/error-sentence';
import { startAppHost, type RunningAppHost } from '../../src/host/app-host';
import { createCommandHost } from '../../src/runtime/command-host';
import { call, ipc } from './http-client';

/** The host as `npm start` runs it: the real command host over a data folder on disk. */
describe('app host', () => {
  let root: string;
  let dataDir: string;
  let host: RunningAppHost;
  const auth = (): Record<string, string> => ({ Authorization: `Bearer ${host.token}` });

  beforeEach(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'lepupitre-host-'));
    dataDir = path.join(root, 'nested', 'data');
    host = await startAppHost({ dataDir });
  });
  afterEach(async () => {
    await host.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 only, on a free port, and prints a URL carrying the token in its fragment', async () => {
    expect(host.server.address()).toEqual({ address: '127.0.0.1', family: 'IPv4', port: host.port });
    expect(host.port).toBeGreaterThan(0);
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=${host.token}`);
    expect(host.token).toMatch(/^[0-9a-f]{64}$/);
    const other = await startAppHost({ dataDir: path.join(root, 'other') });
    try {
      expect(other.port).not.toBe(host.port);
      expect(other.token).not.toBe(host.token);
      // Each launch accepts only its own token.
      expect((await ipc(other.port, 'profile_list', {}, auth())).status).toBe(401);
    } finally {
      await other.close();
    }
  });

  it('creates a missing data folder, readable by its owner only', () => {
    expect(statSync(dataDir).isDirectory()).toBe(true);
    if (process.platform !== 'win32') expect(statSync(dataDir).mode & 0o777).toBe(0o700);
  });

  it('runs nothing for a call without the token: not even the global database is created', async () => {
    const refused = await ipc(host.port, 'profile_create', { name: 'Mallory' }, {});
    expect(refused.status).toBe(401);
    expect(readdirSync(dataDir)).toEqual([]);
  });

  it('runs the catalogue behind the token, passing the router results through unchanged', async () => {
    const created = await ipc(host.port, 'profile_create', { name: 'Ada' }, auth());
    expect(created.status).toBe(200);
    expect(created.json).toEqual({ ok: true, data: expect.stringMatching(/^prof_[0-9a-f]{32}$/) });
    const listed = await ipc(host.port, 'profile_list', {}, auth());
    expect(listed.json).toMatchObject({ ok: true, data: [{ name: 'Ada', is_active: true }] });
    const unknown = await ipc(host.port, 'no_such_command', {}, auth());
    expect(unknown.status).toBe(200);
    expect(unknown.json).toEqual({ ok: false, error: { code: 'IPC_UNKNOWN_COMMAND', message: 'unknown command "no_such_command"', sentence: sentenceOf('IPC_UNKNOWN_COMMAND') } });
    const invalid = await ipc(host.port, 'profile_create', {}, auth());
    expect(invalid.json).toMatchObject({ ok: false, error: { code: 'IPC_INVALID_PAYLOAD', message: expect.stringContaining('name') } });
    const duplicate = await ipc(host.port, 'profile_create', { name: 'Ada' }, auth());
    expect(duplicate.json).toEqual({ ok: false, error: { code: 'profile_name_exists', message: 'profile_name_exists', sentence: sentenceOf('profile_name_exists') } });
  });

  it('closes the server, even with an idle keep-alive connection open, then the databases', async () => {
    await ipc(host.port, 'profile_create', { name: 'Ada' }, auth());
    const agent = new Agent({ keepAlive: true });
    await new Promise<void>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: host.port, path: '/', agent, headers: { Host: `127.0.0.1:${host.port}` } }, (res) => {
        res.resume();
        res.on('end', resolve);
      });
      req.on('error', reject);
      req.end();
    });
    const started = Date.now();
    await host.close();
    expect(Date.now() - started).toBeLessThan(2000);
    agent.destroy();
    expect(host.server.listening).toBe(false);
    await expect(call(host.port, { path: '/' })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    await host.close();
    // Closed cleanly: another host reads what was written, and no WAL is left behind.
    expect(existsSync(path.join(dataDir, 'global.db-wal'))).toBe(false);
    const reader = createCommandHost({ dataDir });
    try {
      expect(await reader.router.invoke('profile_list')).toMatchObject({ ok: true, data: [{ name: 'Ada' }] });
    } finally {
      await reader.close();
    }
  });
});
