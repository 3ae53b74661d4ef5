import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { tryExclusiveFileLock } from '../src';
import { useTempDir } from '@lepupitre/fixtures';

/**
 * The lock behind "one app host per data folder": taken without waiting, refused while held
 * (here by another connection of the same process, which SQLite refuses as it would another
 * process), and free again once released. That the system frees it when its holder is killed is
 * shown with real processes by the app host's tests (`apps/desktop/test/host/single-host.spec.ts`).
 */
describe('tryExclusiveFileLock', () => {
  const dir = useTempDir();

  it('is held by one holder at a time, and free again once released', () => {
    const path = join(dir(), 'app-host.lock');
    const first = tryExclusiveFileLock(path);
    expect(first).not.toBeNull();
    // Nothing but the lock file, even while held: a holder killed now leaves no journal behind.
    expect(readdirSync(dir())).toEqual(['app-host.lock']);
    expect(tryExclusiveFileLock(path)).toBeNull();
    first?.release();
    first?.release();
    const second = tryExclusiveFileLock(path);
    expect(second).not.toBeNull();
    second?.release();
  });

  it('creates its file owner-only and leaves it in place when released', () => {
    const path = join(dir(), 'app-host.lock');
    tryExclusiveFileLock(path)?.release();
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(path).size).toBe(0);
  });
});
