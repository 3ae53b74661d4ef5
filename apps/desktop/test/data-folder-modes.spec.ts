import { chmodSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { startAppHost, type RunningAppHost } from '../src/host/app-host';
import { ipc } from './host/http-client';
import { createLegacyProfile, jsonOf, removeDir, runCli, tempDir } from './support/cli-harness';

// The CLI runs spawn the real bin (about half a second of startup each).
jest.setTimeout(60_000);

/** Mode bits including sticky, setuid and setgid: a data folder on `/tmp` is 1777. */
const modeOf = (file: string): number => statSync(file).mode & 0o7777;

async function call(host: RunningAppHost, command: string, payload: unknown): Promise<unknown> {
  const answer = await ipc(host.port, command, payload, { Authorization: `Bearer ${host.token}` });
  const json = answer.json as { ok: boolean; data?: unknown; error?: unknown };
  if (!json.ok) throw new Error(`${command} failed: ${JSON.stringify(json.error)}`);
  return json.data;
}

/** Starts the host as `npm start` does, runs `use`, and stops it. */
async function withHost<T>(dataDir: string, use: (host: RunningAppHost) => Promise<T>): Promise<T> {
  const host = await startAppHost({ dataDir });
  try {
    return await use(host);
  } finally {
    await host.close();
  }
}

/**
 * The data folder, and every folder above it, is the user's: no command re-permissions it,
 * whatever its mode (1777 on `/tmp`). The folders the app keeps in it are the app's: created
 * owner-only, and a profile folder the previous app left 0755 is tightened.
 */
(process.platform === 'win32' ? describe.skip : describe)('data folder modes', () => {
  let work: string;
  beforeEach(() => {
    work = tempDir('modes');
    chmodSync(work, 0o755);
  });
  afterEach(() => removeDir(work));

  it('db migrate --data-dir keeps a data folder of mode 1777 and tightens the profile folders in it', async () => {
    const mode = 0o1777;
    const dataDir = path.join(work, 'data');
    const alice = path.join(dataDir, 'profiles', 'alice');
    createLegacyProfile(path.join(alice, 'profile.db'));
    mkdirSync(path.join(alice, 'artifacts'));
    for (const folder of [alice, path.join(alice, 'artifacts')]) chmodSync(folder, 0o755);
    chmodSync(dataDir, mode);

    const run = await runCli(['db', 'migrate', '--data-dir', dataDir, '--json'], { cwd: work });
    expect(jsonOf(run)).toMatchObject({ ok: true });

    expect(modeOf(dataDir)).toBe(mode);
    expect(modeOf(work)).toBe(0o755);
    expect(modeOf(alice)).toBe(0o700);
    expect(modeOf(path.join(alice, 'artifacts'))).toBe(0o700);
    // Created by this run: the pre-migration snapshot's folder, the global database.
    expect(modeOf(path.join(alice, 'backups'))).toBe(0o700);
    expect(modeOf(path.join(dataDir, 'global.db'))).toBe(0o600);
  });

  it('db migrate --file keeps the folder it names (mode 755) as it is', async () => {
    const shared = path.join(work, 'shared');
    mkdirSync(shared);
    chmodSync(shared, 0o755);
    const run = await runCli(['db', 'migrate', '--file', path.join(shared, 'global.db'), '--scope', 'global', '--json'], { cwd: work });
    expect(jsonOf(run)).toMatchObject({ ok: true });
    expect(modeOf(shared)).toBe(0o755);
  });

  it.each([
    ['1777', 0o1777],
    ['755', 0o755],
  ])('the app host keeps a data folder of mode %s through start, profile creation and use', async (_, mode) => {
    const dataDir = path.join(work, 'data');
    mkdirSync(dataDir);
    chmodSync(dataDir, mode);
    const profileId = (await withHost(dataDir, (host) => call(host, 'profile_create', { name: 'Ada' }))) as string;
    const profile = path.join(dataDir, 'profiles', profileId);
    expect(modeOf(dataDir)).toBe(mode);
    expect(modeOf(path.join(dataDir, 'profiles'))).toBe(0o700);
    expect(modeOf(profile)).toBe(0o700);

    // As the previous app left its profile folders: the next start's first open closes it.
    chmodSync(profile, 0o755);
    await withHost(dataDir, (host) => call(host, 'preference_profile_get', { profileId, key: 'theme' }));
    expect(modeOf(profile)).toBe(0o700);
    expect(modeOf(dataDir)).toBe(mode);
  });

  it('the app host creates a missing data folder and its missing parents owner-only', async () => {
    const dataDir = path.join(work, 'first', 'start');
    await withHost(dataDir, async () => undefined);
    expect(modeOf(path.join(work, 'first'))).toBe(0o700);
    expect(modeOf(dataDir)).toBe(0o700);
    expect(modeOf(work)).toBe(0o755);
  });
});
