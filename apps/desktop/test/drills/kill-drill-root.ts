import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { KillDrill, type KillDrillOptions } from './kill-drill';

/**
 * The life of one kill drill in a spec: a fresh data folder root, the drill built on it, and
 * the host and the folder always cleaned up afterwards, even when the drill failed half way.
 */
export function useKillDrill(): (options: Omit<KillDrillOptions, 'root'>) => KillDrill {
  let root: string;
  let drill: KillDrill | undefined;
  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'lepupitre-kill-drill-'));
  });
  afterAll(async () => {
    await drill?.dispose();
    rmSync(root, { recursive: true, force: true });
  });
  return (options) => {
    drill = new KillDrill({ ...options, root });
    return drill;
  };
}
