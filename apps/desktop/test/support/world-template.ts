import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { CommandWorld } from './command-world';

/**
 * A data folder built once per spec file, and a byte copy of it for each test (or each group of
 * tests) that needs a fresh one.
 *
 * Why: making a profile runs every migration of two databases, and a run with audio, an exported
 * pack or a peer review writes more through the repositories. Done again before every test, that
 * setup was most of the time of the command specs. Copying the finished files is a few
 * milliseconds, and each test still gets its own real SQLite files, which it may write to or
 * damage as it likes without touching another test's.
 *
 * The template's host is stopped once it is built, so its databases are complete on disk (the
 * WAL checkpointed and gone) and a copy opens cleanly. A copy's host then opens the global
 * database and the profiles the template's host had open, in the same order, so that a test
 * starts from the state it had when the folder was made in front of it.
 *
 * The fixture `build` returns must be plain data (ids, paths, numbers): a path inside the
 * template's folder is moved into the copy's. Connections come from the copy's own host.
 */
export class WorldTemplate<F> {
  private constructor(
    private readonly dataDir: string,
    private readonly fixture: F,
    private readonly openProfiles: readonly string[],
  ) {}

  /** Builds the folder through a host of its own, as `build` makes it, then stops that host. */
  static async build<F>(build: (world: CommandWorld) => Promise<F> | F): Promise<WorldTemplate<F>> {
    const world = new CommandWorld();
    try {
      const fixture = await build(world);
      const openProfiles = world.host.connections.openProfiles;
      await world.stop();
      // A recovery or a failure while building would otherwise never reach a test's log check.
      if (world.log.length > 0) throw new Error(`the template's host logged: ${world.log.join('; ')}`);
      return new WorldTemplate(world.dataDir, fixture, openProfiles);
    } catch (error) {
      await world.close();
      throw error;
    }
  }

  /** A new folder holding the template's files, a host over it, and the fixture with its paths moved there. */
  copy(): TemplateCopy<F> {
    const dataDir = mkdtempSync(join(tmpdir(), 'lepupitre-commands-'));
    cpSync(this.dataDir, dataDir, { recursive: true });
    const world = new CommandWorld(dataDir);
    try {
      world.host.connections.global();
      for (const profileId of this.openProfiles) world.host.connections.profile(profileId);
    } catch (error) {
      void world.close();
      throw error;
    }
    return { world, fixture: movePaths(this.fixture, this.dataDir, dataDir) };
  }

  /** Removes the template's folder (its copies are each closed by their user). */
  remove(): void {
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

export interface TemplateCopy<F> {
  readonly world: CommandWorld;
  readonly fixture: F;
}

/**
 * A fresh copy of one template for every test of the enclosing `describe` (the template is built
 * in its `beforeAll`, each copy closed and removed after its test). Call the returned function
 * inside a test or a `beforeEach`.
 */
export function useWorldTemplate<F>(build: (world: CommandWorld) => Promise<F> | F): () => TemplateCopy<F> {
  let template: WorldTemplate<F> | undefined;
  let current: TemplateCopy<F> | undefined;
  beforeAll(async () => {
    template = await WorldTemplate.build(build);
  });
  beforeEach(() => {
    if (!template) throw new Error('the world template was not built');
    current = template.copy();
  });
  afterEach(async () => {
    await current?.world.close();
    current = undefined;
  });
  afterAll(() => template?.remove());
  return () => {
    if (!current) throw new Error('a copy of the world template exists only inside a test');
    return current;
  };
}

/** `value` with every string naming `from` or a path under it rewritten to the same place under `to`. */
function movePaths<T>(value: T, from: string, to: string): T {
  if (typeof value === 'string') {
    return (value === from ? to : value.startsWith(from + sep) ? to + value.slice(from.length) : value) as T;
  }
  if (Array.isArray(value)) return value.map((item: unknown) => movePaths(item, from, to)) as T;
  if (typeof value === 'object' && value !== null) {
    const prototype = Object.getPrototypeOf(value) as unknown;
    if (prototype !== Object.prototype && prototype !== null) {
      throw new Error(`a world template's fixture holds only plain data, not a ${(value as object).constructor.name}`);
    }
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, movePaths(item, from, to)])) as T;
  }
  return value;
}
