import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommandWorld } from './command-world';
import { seedMediaRun, type MediaRun } from './media-fixtures';
import { useWorldTemplate } from './world-template';

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
 * run with audio and transcript, and a folder outside the data folder. The data folder is built
 * once per file and copied for each test (`world-template.ts`).
 */
export function usePackWorld(): () => PackWorld {
  const copy = useWorldTemplate(async (world) => {
    const speaker = await world.createProfile('Ada');
    const reviewer = await world.createProfile('Grace');
    return { speaker, reviewer, run: seedMediaRun(world, speaker) };
  });
  let current: PackWorld | undefined;
  beforeEach(() => {
    const { world, fixture } = copy();
    current = { world, ...fixture, outside: mkdtempSync(join(tmpdir(), 'lepupitre-packs-')) };
  });
  afterEach(() => {
    if (current) rmSync(current.outside, { recursive: true, force: true });
    current = undefined;
  });
  return () => {
    if (!current) throw new Error('the pack world exists only inside a test');
    return current;
  };
}
