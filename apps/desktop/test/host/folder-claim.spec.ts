import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { claimDataFolder, HOST_LOCK_FILE, HostAlreadyRunning } from '../../src/host/folder-claim';
import { HOST_RECORD_FILE } from '../../src/host/host-record';

/**
 * The claim's decisions, in this process: which record is stale, which holder is believed. A
 * second connection of this process is refused SQLite's lock as another process would be; the
 * launcher's own tests (`single-host.spec.ts`) show the same with real processes.
 */
describe('claiming a data folder for one app host', () => {
  let dataDir: string;
  let server: Server | null = null;
  const recordPath = (): string => path.join(dataDir, HOST_RECORD_FILE);
  const writeRecord = (record: object): void => writeFileSync(recordPath(), JSON.stringify(record));

  /** A port where something other than the recorded host answers `GET /health`. */
  async function impostor(answer: unknown): Promise<number> {
    server = createServer((_request, response) => response.end(JSON.stringify(answer)));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return (server.address() as AddressInfo).port;
  }

  beforeEach(() => {
    dataDir = path.join(mkdtempSync(path.join(tmpdir(), 'lepupitre-claim-')), 'data');
    mkdirSync(dataDir);
  });
  afterEach(() => {
    server?.close();
    server = null;
    rmSync(path.dirname(dataDir), { recursive: true, force: true });
  });

  it('replaces a record left while the lock is free, even one naming a live process', async () => {
    const port = await impostor({ app: 'lepupitre-host', pid: process.pid });
    writeRecord({ pid: process.pid, port, startedAt: '2020-01-01T00:00:00.000Z' });
    const claim = await claimDataFolder(dataDir, { loopback: '127.0.0.1', waitMs: 0 });
    expect(existsSync(recordPath())).toBe(false);
    claim.record(4321);
    expect(JSON.parse(readFileSync(recordPath(), 'utf8'))).toEqual({ pid: process.pid, port: 4321, startedAt: expect.any(String) });
    if (process.platform !== 'win32') expect(statSync(recordPath()).mode & 0o777).toBe(0o600);
    claim.release();
    expect(existsSync(recordPath())).toBe(false);
    expect(existsSync(path.join(dataDir, HOST_LOCK_FILE))).toBe(true);
  });

  it('gives the folder to exactly one of two claims made at once', async () => {
    const claims = await Promise.allSettled([0, 1].map(() => claimDataFolder(dataDir, { loopback: '127.0.0.1', waitMs: 200 })));
    expect(claims.map((claim) => claim.status).sort()).toEqual(['fulfilled', 'rejected']);
    for (const claim of claims) {
      if (claim.status === 'fulfilled') claim.value.release();
      else expect(claim.reason).toBeInstanceOf(HostAlreadyRunning);
    }
  });

  it('refuses while the lock is held, without believing a port that answers for another process', async () => {
    const port = await impostor({ app: 'lepupitre-host', pid: process.pid + 1 });
    const first = await claimDataFolder(dataDir, { loopback: '127.0.0.1', waitMs: 0 });
    try {
      writeRecord({ pid: process.pid, port, startedAt: '2020-01-01T00:00:00.000Z' });
      const refusal = claimDataFolder(dataDir, { loopback: '127.0.0.1', waitMs: 300 });
      await expect(refusal).rejects.toMatchObject({
        code: 'HOST_ALREADY_RUNNING',
        message: expect.stringContaining(`holds this data folder (process ${process.pid}, recorded at http://127.0.0.1:${port}/) but does not answer`),
      });
    } finally {
      first.release();
    }
    // Let go: the next claim gets the folder at once.
    (await claimDataFolder(dataDir, { loopback: '127.0.0.1', waitMs: 0 })).release();
  });
});
