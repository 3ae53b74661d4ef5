import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { completePendingSwap, FileSwap, type SwapPlan } from '../src/swaps/file-swap';
import { useTempDir } from '@lepupitre/fixtures';

const JOURNAL = 'swap.journal';

/**
 * The swap primitive on its own: a database file replaced (linked aside, then renamed over),
 * its -wal moved aside, one artifact replaced and one new artifact placed. A throw from the
 * step observer stops `apply` exactly where a death would (it catches nothing), so every step
 * can be "killed" in process.
 */
describe('a journaled file swap', () => {
  const dir = useTempDir();
  const root = (): string => join(dir(), 'root');

  const plan: SwapPlan = {
    moves: [
      { from: 'x.db', to: 'replaced/x.db', how: 'link' },
      { from: 'x.db-wal', to: 'replaced/x.db-wal', how: 'rename' },
      { from: 'artifacts/a.bin', to: 'replaced/artifacts/a.bin', how: 'rename' },
    ],
    places: [
      { from: 'staging/artifacts/a.bin', to: 'artifacts/a.bin' },
      { from: 'staging/artifacts/b.bin', to: 'artifacts/b.bin' },
      { from: 'x.db.new', to: 'x.db', companions: ['-wal', '-shm'] },
    ],
    cleanup: ['staging', 'x.db.new'],
  };

  function write(relpath: string, content: string): void {
    mkdirSync(join(root(), relpath, '..'), { recursive: true });
    writeFileSync(join(root(), relpath), content);
  }

  function setUp(): void {
    write('x.db', 'old db');
    write('x.db-wal', 'old wal');
    write('artifacts/a.bin', 'old a');
    write('staging/artifacts/a.bin', 'new a');
    write('staging/artifacts/b.bin', 'new b');
    write('x.db.new', 'new db');
  }

  function snapshot(): Record<string, string> {
    const out: Record<string, string> = {};
    const walk = (d: string): void => {
      for (const name of readdirSync(d).sort()) {
        const full = join(d, name);
        if (lstatSync(full).isDirectory()) walk(full);
        else out[relative(root(), full).split(sep).join('/')] = readFileSync(full, 'utf8');
      }
    };
    walk(root());
    return out;
  }

  const original = { 'x.db': 'old db', 'x.db-wal': 'old wal', 'artifacts/a.bin': 'old a' };
  const swapped = {
    'x.db': 'new db',
    'artifacts/a.bin': 'new a',
    'artifacts/b.bin': 'new b',
    'replaced/x.db': 'old db',
    'replaced/x.db-wal': 'old wal',
    'replaced/artifacts/a.bin': 'old a',
  };

  it('moves the originals aside, places the staged files, and leaves no journal or staging once finished', () => {
    setUp();
    const swap = new FileSwap(root(), JOURNAL, plan);
    swap.apply();
    expect(existsSync(join(root(), JOURNAL))).toBe(true);
    swap.finish();
    expect(snapshot()).toEqual(swapped);
  });

  /** Observed steps of `apply`: the journal, each move, each place; `finish` is one more. */
  const steps = 1 + plan.moves.length + plan.places.length;
  it.each(Array.from({ length: steps + 1 }, (_, i) => i + 1))('stopped at step %i, it is completed forward by the next open (or nothing happened)', (k) => {
    setUp();
    const before = snapshot();
    let seen = 0;
    const swap = new FileSwap(root(), JOURNAL, plan, () => {
      seen += 1;
      if (seen === k) throw new Error('the process dies here');
    });
    try {
      swap.apply();
      swap.finish();
    } catch {
      // The death.
    }
    const replayed = completePendingSwap(root(), JOURNAL);
    if (k === 1) {
      // Before the journal: nothing happened, and the next operation of that kind cleans its staging.
      expect(replayed).toBeNull();
      expect(snapshot()).toEqual(before);
    } else {
      expect(snapshot()).toEqual(swapped);
      expect(replayed).toBe('forward');
    }
  });

  it.each(Array.from({ length: steps - 1 }, (_, i) => i + 2))('an undo after a failure at step %i puts every original back, byte for byte', (k) => {
    setUp();
    let seen = 0;
    const swap = new FileSwap(root(), JOURNAL, plan, () => {
      seen += 1;
      if (seen === k) throw new Error('a rename failed');
    });
    expect(() => swap.apply()).toThrow('a rename failed');
    // The placed database had been opened: its new -wal must not survive beside the original.
    if (existsSync(join(root(), 'x.db.new')) === false) write('x.db-wal', 'new wal');
    expect(swap.undo()).toBe(true);
    expect(snapshot()).toEqual(original);
  });

  it('a death during an undo is finished backwards by the next open', () => {
    setUp();
    const swap = new FileSwap(root(), JOURNAL, plan);
    swap.apply();
    // What `undo` writes first, before it moves anything: then the process dies.
    const journal = JSON.parse(readFileSync(join(root(), JOURNAL), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(root(), JOURNAL), JSON.stringify({ ...journal, direction: 'undo' }));
    expect(completePendingSwap(root(), JOURNAL)).toBe('undo');
    expect(snapshot()).toEqual(original);
  });

  it('refuses to start when a staged file or an original is missing, changing nothing', () => {
    setUp();
    write('x.db.new', 'new db');
    const missing = { ...plan, places: [...plan.places, { from: 'staging/artifacts/c.bin', to: 'artifacts/c.bin' }] };
    const before = snapshot();
    expect(() => new FileSwap(root(), JOURNAL, missing).apply()).toThrow('missing');
    expect(snapshot()).toEqual(before);
  });

  it('never follows a journal out of its folder', () => {
    setUp();
    writeFileSync(join(root(), JOURNAL), JSON.stringify({ version: 1, direction: 'forward', moves: [{ from: '../outside', to: 'x', how: 'rename' }], places: [], cleanup: [] }));
    expect(() => completePendingSwap(root(), JOURNAL)).toThrow('outside its folder');
    expect(() => new FileSwap(root(), JOURNAL, { moves: [], places: [{ from: '/etc/passwd', to: 'x' }], cleanup: [] })).toThrow('outside its folder');
  });
});
