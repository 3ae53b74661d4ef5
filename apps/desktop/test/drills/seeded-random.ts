import { seededRandom } from '@lepupitre/fixtures';
import { randomInt } from 'node:crypto';

/**
 * A small seeded generator (mulberry32) for the drills: kill instants and traffic choices come
 * from one printed seed, so a failing run can be replayed with the same choices. The operating
 * system's scheduling still varies between runs; the seed fixes what the drill decides, not when
 * the host happens to be in its work.
 */
export class SeededRandom {
  readonly #next: () => number;

  constructor(readonly seed: number) {
    this.#next = seededRandom(seed);
  }

  /** A float in [0, 1). */
  next(): number {
    return this.#next();
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** A generator of its own, seeded from this one: one per client keeps their choices apart. */
  fork(): SeededRandom {
    return new SeededRandom(this.int(0, 0xffffffff));
  }
}

/**
 * The seed of a run: the variable `name` when set (to replay a failure), else a fresh one. A
 * value that is not a whole number in [0, 2^32) is refused rather than silently replaced.
 */
export function drillSeed(name: string, env: NodeJS.ProcessEnv = process.env): number {
  const given = env[name];
  if (given === undefined || given === '') return randomInt(0, 2 ** 32 - 1);
  const seed = Number(given);
  if (!Number.isInteger(seed) || seed < 0 || seed >= 2 ** 32) throw new Error(`${name} must be a whole number in [0, 2^32), not "${given}"`);
  return seed;
}
