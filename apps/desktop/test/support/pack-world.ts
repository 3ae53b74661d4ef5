import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandWorld } from './command-world';
import { seedMediaRun, type MediaRun } from './media-fixtures';

export interface PackWorld {
  readonly world: CommandWorld;
  /** The profile whose run is exported (Ada). */
  readonly speaker: string;
  /** The profile that imports the filled review (Grace). */
  readonly reviewer: string;
  readonly run: MediaRun;
  /** A folder outside the data folder, for packs and filled reviews. */
  readonly outside: string;
}

/**
 * The pack tests' world, fresh for each test: a data folder with two profiles, the speaker's
 * run with audio and transcript, and a folder outside the data folder.
 */
export function usePackWorld(): () => PackWorld {
  let current: PackWorld | undefined;
  beforeEach(async () => {
    const world = new CommandWorld();
    const outside = mkdtempSync(join(tmpdir(), 'lepupitre-packs-'));
    const speaker = await world.createProfile('Ada');
    const reviewer = await world.createProfile('Grace');
    current = { world, speaker, reviewer, run: seedMediaRun(world, speaker), outside };
  });
  afterEach(async () => {
    await current?.world.close();
    if (current) rmSync(current.outside, { recursive: true, force: true });
    current = undefined;
  });
  return () => {
    if (!current) throw new Error('the pack world exists only inside a test');
    return current;
  };
}
