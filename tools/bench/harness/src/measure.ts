/**
 * One way of performing a case's operation. `call` receives a per-implementation counter so
 * that reads walk over the data instead of hitting one row.
 */
export type Implementation =
  | { readonly kind: 'sync'; readonly call: (i: number) => unknown }
  | { readonly kind: 'async'; readonly call: (i: number) => Promise<unknown> };

export interface HarnessOptions {
  /** Timed batches per implementation. */
  readonly samples: number;
  /** Wall time a batch should take: long enough for the timer, short enough for many samples. */
  readonly targetBatchMs: number;
  /** Untimed interleaved rounds before sampling, so every implementation is optimised by the JIT. */
  readonly warmupRounds: number;
  /** Untimed work before every batch, to give each batch the same starting state. */
  readonly beforeBatch?: () => void;
  /**
   * One untimed call after `beforeBatch`, made by the implementation about to be timed, for
   * state that the first call after the reset pays for once.
   */
  readonly primeBatch?: boolean;
  /** Upper bound on calls per batch, for cases whose batches must stay under some threshold. */
  readonly maxBatchSize?: number;
}

export const DEFAULT_HARNESS: HarnessOptions = { samples: 40, targetBatchMs: 5, warmupRounds: 5 };

export interface Measurement {
  readonly batchSize: number;
  /** Per-call nanoseconds of each timed batch, in round order. */
  readonly perCallNs: readonly number[];
  readonly medianNs: number;
  readonly p25Ns: number;
  readonly p75Ns: number;
}

/** Keeps results observable so that no call can be optimised away. */
let sink = 0;

/**
 * Present when node runs with `--expose-gc`, as the bench target does. Collecting before each
 * batch makes every implementation pay for its own garbage only: without it, the batch that
 * follows Kysely's (promises, compiled query trees) absorbs the collection of that garbage.
 */
const collectGarbage = globalThis.gc;

export const collectsBetweenBatches = collectGarbage !== undefined;

class Runner {
  readonly #counters = new Map<Implementation, number>();

  constructor(private readonly options: HarnessOptions) {}

  /** Nanoseconds taken by `n` consecutive calls. */
  async timeBatch(impl: Implementation, n: number): Promise<number> {
    let start = this.#counters.get(impl) ?? 0;
    this.#counters.set(impl, start + n + 1);
    this.options.beforeBatch?.();
    if (this.options.primeBatch) await impl.call(start++);
    collectGarbage?.({ type: 'major' });
    if (impl.kind === 'sync') {
      const call = impl.call;
      const t0 = process.hrtime.bigint();
      for (let k = 0; k < n; k++) if (call(start + k) !== undefined) sink++;
      return Number(process.hrtime.bigint() - t0);
    }
    const call = impl.call;
    const t0 = process.hrtime.bigint();
    for (let k = 0; k < n; k++) if ((await call(start + k)) !== undefined) sink++;
    return Number(process.hrtime.bigint() - t0);
  }

  /** Doubles the batch until it is long enough to time, then scales it to the target. */
  async calibrate(impl: Implementation): Promise<number> {
    const targetNs = this.options.targetBatchMs * 1e6;
    const cap = this.options.maxBatchSize ?? 1 << 24;
    let n = 1;
    for (;;) {
      const elapsed = await this.timeBatch(impl, n);
      if (elapsed >= targetNs / 8 || n >= cap) {
        return Math.min(cap, Math.max(1, Math.round((n * targetNs) / Math.max(elapsed, 1))));
      }
      n *= 2;
    }
  }
}

/**
 * Measures implementations of one operation against each other.
 *
 * Rounds interleave them (A, B, C, then B, C, A, then C, A, B, ...) so that frequency scaling,
 * a noisy neighbour or a WAL checkpoint lands on all of them rather than on whichever ran
 * during the disturbance, and none is always the one that runs first or follows the same
 * neighbour. The median per-call time over batches is reported: batches hit by a pause are
 * outliers that a mean would let through.
 */
export async function measure<K extends string>(
  impls: Readonly<Record<K, Implementation>>,
  options: HarnessOptions = DEFAULT_HARNESS,
): Promise<Record<K, Measurement>> {
  const names = Object.keys(impls) as K[];
  const runner = new Runner(options);

  const sizes = new Map<K, number>();
  for (const name of names) sizes.set(name, await runner.calibrate(impls[name]));
  for (let round = 0; round < options.warmupRounds; round++) {
    for (const name of names) await runner.timeBatch(impls[name], sizes.get(name) as number);
  }
  // Recalibrated once optimised: the first estimate was taken on colder code.
  for (const name of names) sizes.set(name, await runner.calibrate(impls[name]));

  const perCall = new Map<K, number[]>(names.map((name) => [name, []]));
  for (let round = 0; round < options.samples; round++) {
    for (let slot = 0; slot < names.length; slot++) {
      const name = names[(round + slot) % names.length] as K;
      const n = sizes.get(name) as number;
      const elapsed = await runner.timeBatch(impls[name], n);
      (perCall.get(name) as number[]).push(elapsed / n);
    }
  }

  const result = {} as Record<K, Measurement>;
  for (const name of names) {
    const samples = perCall.get(name) as number[];
    const sorted = [...samples].sort((a, b) => a - b);
    result[name] = {
      batchSize: sizes.get(name) as number,
      perCallNs: samples,
      medianNs: quantile(sorted, 0.5),
      p25Ns: quantile(sorted, 0.25),
      p75Ns: quantile(sorted, 0.75),
    };
  }
  if (sink < 0) console.log(sink);
  return result;
}

export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  const a = sorted[low] as number;
  const b = sorted[high] as number;
  return a + (b - a) * (position - low);
}
