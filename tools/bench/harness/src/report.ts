import { cpus, loadavg } from 'node:os';
import type { DatasetSize } from './dataset';
import { collectsBetweenBatches, DEFAULT_HARNESS, quantile, type Measurement } from './measure';

export interface ImplementationResult extends Measurement {
  /**
   * Median over samples divided by the baseline's median: the headline figure. The name keeps
   * the JSON of earlier runs comparable; the baseline is the hand-written better-sqlite3 call
   * in the data-layer tables, the direct repository call in the command table.
   */
  readonly ratioToRaw: number;
  /**
   * Median of the per-round ratios to the baseline. Batches of one round run within
   * milliseconds of each other, so this cancels slow drifts of the machine; when it disagrees
   * with `ratioToRaw`, the run was noisy.
   */
  readonly pairedRatioToRaw: number;
}

/** Interquartile range over median beyond which a measurement is called noisy. */
const NOISY_SPREAD = 0.2;
/** Disagreement between the plain and the paired ratio beyond which a case is called noisy. */
const NOISY_RATIO_GAP = 0.05;

export function withRatio(m: Measurement, baseline: Measurement): ImplementationResult {
  return {
    ...m,
    ratioToRaw: m.medianNs / baseline.medianNs,
    pairedRatioToRaw: quantile(
      m.perCallNs.map((ns, round) => ns / (baseline.perCallNs[round] as number)).sort((a, b) => a - b),
      0.5,
    ),
  };
}

/** The samples are too spread, or the two ratios too far apart, to be trusted to a few percent. */
export function isNoisy(baseline: Measurement, candidate: ImplementationResult): boolean {
  const spread = (m: Measurement) => (m.p75Ns - m.p25Ns) / m.medianNs;
  return (
    spread(baseline) > NOISY_SPREAD ||
    spread(candidate) > NOISY_SPREAD ||
    Math.abs(candidate.ratioToRaw - candidate.pairedRatioToRaw) > NOISY_RATIO_GAP
  );
}

/** Where and how a bench ran: the part of a report that every table shares. */
export interface BenchRun {
  readonly environment: {
    readonly node: string;
    readonly platform: string;
    readonly cpu: string;
    readonly cpus: number;
    /** One-minute load average before and after measuring; this process itself adds about 1. */
    readonly loadAverage: readonly [number, number];
  };
  readonly dataset: { readonly talks: number; readonly runs: number; readonly analysedRuns: number };
  readonly samples: number;
  readonly targetBatchMs: number;
  readonly collectsBetweenBatches: boolean;
}

export function currentLoadAverage(): number {
  return loadavg()[0] ?? Number.NaN;
}

/** Called once measuring is over; `loadBefore` is `currentLoadAverage()` from before it began. */
export function describeRun(loadBefore: number, size: DatasetSize): BenchRun {
  return {
    environment: {
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      cpu: cpus()[0]?.model.trim() ?? 'unknown cpu',
      cpus: cpus().length,
      loadAverage: [loadBefore, currentLoadAverage()],
    },
    dataset: { talks: size.talks, runs: size.runs, analysedRuns: size.analysedRuns },
    samples: DEFAULT_HARNESS.samples,
    targetBatchMs: DEFAULT_HARNESS.targetBatchMs,
    collectsBetweenBatches,
  };
}

/** The machine, the data and the sampling, above the tables. */
export function formatRunHeader(run: BenchRun): string[] {
  const { environment: env, dataset } = run;
  return [
    `node ${env.node}, ${env.platform}, ${env.cpu} x${env.cpus}, load average ${env.loadAverage.map((l) => l.toFixed(2)).join(' -> ')}`,
    `${dataset.talks} talks, ${dataset.runs} runs, plus 1 active talk with ${dataset.analysedRuns} analysed runs; ` +
      `median of ${run.samples} batches of ~${run.targetBatchMs} ms per implementation, rounds interleaved` +
      (run.collectsBetweenBatches ? ', GC between batches' : ', no --expose-gc: GC lands in whichever batch triggers it'),
  ];
}

/** Header, rule and rows, the first column left-aligned and the figures right-aligned. */
export function formatTableRows(header: readonly string[], rows: readonly string[][]): string[] {
  const widths = header.map((h, col) => Math.max(h.length, ...rows.map((row) => (row[col] as string).length)));
  const line = (cells: readonly string[]) =>
    cells.map((cell, col) => (col === 0 ? cell.padEnd(widths[col] as number) : cell.padStart(widths[col] as number))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}

export function formatNs(value: number): string {
  return value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(1);
}

export function formatRatio(value: number): string {
  return `${value.toFixed(2)}x`;
}
