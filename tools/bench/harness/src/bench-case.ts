import { isDeepStrictEqual } from 'node:util';
import type Database from 'better-sqlite3';
import { DEFAULT_HARNESS, measure, type HarnessOptions, type Implementation, type Measurement } from './measure';
import { CHECKPOINT_PRAGMA } from './queries';

/** One operation and the implementations of it that are measured against each other. */
export interface BenchCase<K extends string> {
  readonly name: string;
  readonly description: string;
  readonly implementations: Readonly<Record<K, Implementation>>;
  /**
   * Results of the implementations for the same input, baseline first, to prove they do the
   * same work.
   */
  readonly check?: () => Promise<readonly unknown[]>;
  readonly harness?: Pick<HarnessOptions, 'beforeBatch' | 'primeBatch' | 'maxBatchSize'>;
  /**
   * The case adds or changes rows. Write cases are measured after every read case, so that the
   * reads see the seeded data rather than, say, thousands of runs sharing one timestamp.
   */
  readonly writes?: boolean;
}

/** The cases of one table and what closes the connections they opened. */
export interface BenchContext<K extends string> {
  readonly cases: readonly BenchCase<K>[];
  close(): Promise<void>;
}

/**
 * Calls per write batch: at three to four WAL frames per commit, 150 commits stay well under
 * SQLite's auto-checkpoint threshold of 1000 frames, whatever the speed of the machine.
 */
const WRITES_PER_BATCH_MAX = 150;

/**
 * Harness options of a case whose calls each commit a write transaction.
 *
 * Every commit appends WAL frames, and the commit that crosses the auto-checkpoint threshold
 * pays for copying them all (and the next one for syncing the restarted WAL's header),
 * whichever implementation made them: milliseconds landing on an arbitrary batch. So the WAL is
 * emptied before each batch, the implementation's own untimed first call absorbs the restart,
 * and batches are kept short enough never to reach the threshold.
 */
export function writeCaseHarness(checkpointer: Database.Database): NonNullable<BenchCase<string>['harness']> {
  return {
    beforeBatch: () => {
      checkpointer.pragma(CHECKPOINT_PRAGMA);
    },
    primeBatch: true,
    maxBatchSize: WRITES_PER_BATCH_MAX,
  };
}

/** Every read case before any write case (see `BenchCase.writes`), each group in its order. */
export function readsFirst<T extends { readonly writes?: boolean }>(items: readonly T[]): T[] {
  return [...items.filter((item) => item.writes !== true), ...items.filter((item) => item.writes === true)];
}

/** Checks that the implementations agree, then measures them against each other. */
export async function measureCase<K extends string>(
  benchCase: BenchCase<K>,
  progress: (line: string) => void,
): Promise<Record<K, Measurement>> {
  if (benchCase.check) {
    const [baseline, ...others] = await benchCase.check();
    if (baseline === undefined || (Array.isArray(baseline) && baseline.length === 0)) {
      throw new Error(`${benchCase.name}: the baseline finds nothing, so the case would measure nothing`);
    }
    if (others.some((other) => !isDeepStrictEqual(other, baseline))) {
      throw new Error(`${benchCase.name}: the implementations return different results`);
    }
  }
  progress(`measuring ${benchCase.name}...`);
  return measure(benchCase.implementations, { ...DEFAULT_HARNESS, ...benchCase.harness });
}
