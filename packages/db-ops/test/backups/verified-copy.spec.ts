import Database from 'better-sqlite3';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SnapshotManifest } from '../../src';
import {
  writeVerifiedCopy,
  writeVerifiedCopySync,
  type CopyCompanion,
  type VerifiedCopyPlan,
  type VerifiedCopyStep,
} from '../../src/backups/verified-copy';
import { fingerprintTree, sha256Of } from '../support/file-fingerprint';
import { useTempDir } from '@lepupitre/fixtures';

const STEPS: readonly VerifiedCopyStep[] = ['copy', 'verify', 'checksum', 'manifest', 'place'];

/** A small database to copy, with a row that refers to a missing one (foreign keys off). */
function sourceDatabase(path: string): void {
  const db = new Database(path);
  db.pragma('foreign_keys = OFF');
  db.exec('CREATE TABLE parent (id INTEGER PRIMARY KEY); CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent(id))');
  db.exec('INSERT INTO parent (id) VALUES (1); INSERT INTO child (id, parent_id) VALUES (1, 1), (2, 7)');
  db.close();
}

/** What the companion of these tests did, in order. */
type CompanionEvent = 'gather' | 'place' | 'discard' | 'discard-placed';

describe('writeVerifiedCopy: the one pipeline every copy in backups/ goes through', () => {
  const dir = useTempDir();
  const source = (): string => join(dir(), 'source.db');
  const backups = (): string => join(dir(), 'backups');

  /** What `describe` was given, beyond the digest. */
  let described: { readonly written: string; readonly gathered: string | undefined; readonly foreignKeyViolations: number } | undefined;
  beforeEach(() => {
    described = undefined;
  });

  /** The copy: `VACUUM INTO`, as the engine writes a pre-migration snapshot. */
  function vacuumInto(partialPath: string): string {
    const db = new Database(source(), { readonly: true });
    db.prepare('VACUUM INTO ?').run(partialPath);
    db.close();
    return 'written';
  }

  function plan(overrides: Partial<VerifiedCopyPlan<string, string, SnapshotManifest>> = {}): VerifiedCopyPlan<string, string, SnapshotManifest> {
    return {
      dir: backups(),
      removeAbandoned: () => undefined,
      nameFor: (counter) => `copy-${counter}.db`,
      write: vacuumInto,
      damaged: () => Object.assign(new Error('refused: integrity'), { code: 'EREFUSED' }),
      describe: (copy, gathered): SnapshotManifest => {
        described = { written: copy.written, gathered, foreignKeyViolations: copy.sound.foreignKeyViolations };
        return {
          kind: 'pre-migration',
          scope: 'profile',
          schemaVersion: copy.sound.schemaVersion,
          nextMigrationId: '0002_next',
          bytes: copy.digest.bytes,
          sha256: copy.digest.sha256,
          createdAt: '2026-11-25T08:09:10.123+00:00',
          verified: true,
        };
      },
      retain: () => ['older.db'],
      ...overrides,
    };
  }

  /** Gathers `<file>.extra.partial`, places it as `<file>.extra`, removes what it made on discard. */
  function companion(events: CompanionEvent[], fail?: 'gather' | 'place'): CopyCompanion<string, string> {
    const partialOf = (file: string): string => join(backups(), `${file}.extra.partial`);
    return {
      gather: async (copy) => {
        events.push('gather');
        writeFileSync(partialOf(copy.file), copy.written);
        await new Promise((resolve) => setImmediate(resolve));
        if (fail === 'gather') throw new Error('gather failed');
        return 'gathered';
      },
      place: (file) => {
        events.push('place');
        if (fail === 'place') throw new Error('place failed');
        renameSync(partialOf(file), join(backups(), `${file}.extra`));
      },
      discard: (file, placed) => {
        events.push(placed ? 'discard-placed' : 'discard');
        rmSync(partialOf(file), { force: true });
        if (placed) rmSync(join(backups(), `${file}.extra`), { force: true });
      },
    };
  }

  beforeEach(() => sourceDatabase(source()));

  it('places a verified, synced and described copy, steps in order, then retention', async () => {
    const steps: VerifiedCopyStep[] = [];
    const events: CompanionEvent[] = [];
    const result = await writeVerifiedCopy(plan({ onStep: (step) => steps.push(step), companion: companion(events) }));
    expect(steps).toEqual(STEPS);
    expect(events).toEqual(['gather', 'place']);
    expect(result).toMatchObject({ file: 'copy-1.db', pruned: ['older.db'], written: 'written', gathered: 'gathered' });
    const copy = join(backups(), 'copy-1.db');
    expect(JSON.parse(readFileSync(`${copy}.json`, 'utf8'))).toEqual(result.manifest);
    expect(described).toEqual({ written: 'written', gathered: 'gathered', foreignKeyViolations: 1 });
    expect(result.manifest).toMatchObject({ bytes: statSync(copy).size, sha256: sha256Of(copy) });
    expect(readdirSync(backups()).sort()).toEqual(['copy-1.db', 'copy-1.db.extra', 'copy-1.db.json']);
    expect(statSync(copy).mode & 0o777).toBe(0o600);
    expect(statSync(backups()).mode & 0o777).toBe(0o700);
  });

  it('claims the next name when one is taken, by a copy or by its partial copy', async () => {
    mkdirSync(backups(), { mode: 0o700 });
    writeFileSync(join(backups(), 'copy-1.db'), 'placed');
    writeFileSync(join(backups(), 'copy-2.db.partial'), 'in progress elsewhere');
    const result = await writeVerifiedCopy(plan());
    expect(result.file).toBe('copy-3.db');
    expect(readFileSync(join(backups(), 'copy-2.db.partial'), 'utf8')).toBe('in progress elsewhere');
  });

  describe('a failure leaves neither partial copy nor manifest, and is thrown as it is', () => {
    const injected = Object.assign(new Error('injected'), { code: 'EINJECTED' });

    async function expectNothingAdded(run: () => Promise<unknown>, error: unknown): Promise<void> {
      mkdirSync(backups(), { mode: 0o700 });
      writeFileSync(join(backups(), 'earlier.db'), 'an earlier copy');
      const before = fingerprintTree(backups());
      await expect(run()).rejects.toBe(error);
      expect(fingerprintTree(backups())).toEqual(before);
    }

    it.each(STEPS)('a failure injected before step "%s"', async (failing) => {
      const events: CompanionEvent[] = [];
      const onStep = (step: VerifiedCopyStep): void => {
        if (step === failing) throw injected;
      };
      await expectNothingAdded(() => writeVerifiedCopy(plan({ onStep, companion: companion(events) })), injected);
      // The companion's work is discarded too, what it placed included.
      expect(events.at(-1)).toBe(failing === 'place' ? 'discard-placed' : 'discard');
    });

    it('a copy that cannot be written', async () => {
      const write = (partialPath: string): string => {
        writeFileSync(partialPath, 'half a copy');
        throw injected;
      };
      await expectNothingAdded(() => writeVerifiedCopy(plan({ write })), injected);
    });

    it('a copy the verifier refuses (a damaged page): the caller words the error', async () => {
      const big = new Database(source());
      big.pragma('journal_mode = DELETE');
      const insert = big.prepare('INSERT INTO parent (id) VALUES (?)');
      big.transaction(() => {
        for (let i = 2; i < 5000; i++) insert.run(i);
      })();
      big.close();
      const defects: string[] = [];
      const damaged = (): Error => {
        defects.push('integrity');
        return injected;
      };
      const write = (partialPath: string): string => {
        const written = vacuumInto(partialPath);
        const bytes = readFileSync(partialPath);
        bytes.fill(0xa5, bytes.length - 4096, bytes.length - 2048);
        writeFileSync(partialPath, bytes);
        return written;
      };
      await expectNothingAdded(() => writeVerifiedCopy(plan({ write, damaged })), injected);
      expect(defects).toEqual(['integrity']);
    });

    it.each(['gather', 'place'] as const)('the companion failing to %s', async (fail) => {
      const events: CompanionEvent[] = [];
      await expect(writeVerifiedCopy(plan({ companion: companion(events, fail) }))).rejects.toThrow(`${fail} failed`);
      expect(fingerprintTree(backups())).toEqual({});
      expect(events.at(-1)).toBe('discard');
    });

    it('a synchronous run given a step that returns a promise', () => {
      mkdirSync(backups(), { mode: 0o700 });
      const before = fingerprintTree(backups());
      const late = ((partialPath: string) => Promise.resolve(vacuumInto(partialPath))) as unknown as (partialPath: string) => string;
      expect(() => writeVerifiedCopySync({ ...plan(), write: late })).toThrow(/returned a promise/);
      expect(fingerprintTree(backups())).toEqual(before);
    });
  });

  it('a failing retention leaves the verified copy standing and prunes nothing', () => {
    const result = writeVerifiedCopySync({
      ...plan(),
      write: vacuumInto,
      retain: () => {
        throw new Error('retention failed');
      },
    });
    expect(result.pruned).toEqual([]);
    expect(readdirSync(backups()).sort()).toEqual(['copy-1.db', 'copy-1.db.json']);
  });
});
