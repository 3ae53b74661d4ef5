import type { ImplementationName } from './cases';
import { quantile, type Measurement } from './harness';

/** db-core's budget over the hand-written baseline. */
export const TARGET_RATIO = 1.15;

export interface ImplementationResult extends Measurement {
  /** Median over samples divided by the raw median: the headline figure. */
  readonly ratioToRaw: number;
  /**
   * Median of the per-round ratios to raw. Batches of one round run within milliseconds of
   * each other, so this cancels slow drifts of the machine; when it disagrees with
   * `ratioToRaw`, the run was noisy.
   */
  readonly pairedRatioToRaw: number;
}

export interface CaseResult {
  readonly name: string;
  readonly description: string;
  readonly implementations: Readonly<Record<ImplementationName, ImplementationResult>>;
  readonly withinTarget: boolean;
  /** The samples are too spread for the ratios to be trusted to a few percent. */
  readonly noisy: boolean;
}

/** Interquartile range over median beyond which a measurement is called noisy. */
const NOISY_SPREAD = 0.2;
/** Disagreement between the plain and the paired ratio beyond which a case is called noisy. */
const NOISY_RATIO_GAP = 0.05;

export interface BenchReport {
  readonly environment: {
    readonly node: string;
    readonly platform: string;
    readonly cpu: string;
    readonly cpus: number;
    /** One-minute load average before and after measuring; this process itself adds about 1. */
    readonly loadAverage: readonly [number, number];
  };
  readonly dataset: { readonly talks: number; readonly runs: number };
  readonly samples: number;
  readonly targetBatchMs: number;
  readonly collectsBetweenBatches: boolean;
  readonly targetRatio: number;
  readonly cases: readonly CaseResult[];
}

export function caseResult(
  name: string,
  description: string,
  measured: Readonly<Record<ImplementationName, Measurement>>,
): CaseResult {
  const raw = measured.raw;
  const withRatio = (m: Measurement): ImplementationResult => ({
    ...m,
    ratioToRaw: m.medianNs / raw.medianNs,
    pairedRatioToRaw: quantile(
      m.perCallNs.map((ns, round) => ns / (raw.perCallNs[round] as number)).sort((a, b) => a - b),
      0.5,
    ),
  });
  const implementations = {
    raw: withRatio(measured.raw),
    dbCore: withRatio(measured.dbCore),
    kysely: withRatio(measured.kysely),
  };
  const spread = (m: Measurement) => (m.p75Ns - m.p25Ns) / m.medianNs;
  const { dbCore } = implementations;
  const noisy =
    spread(raw) > NOISY_SPREAD ||
    spread(dbCore) > NOISY_SPREAD ||
    Math.abs(dbCore.ratioToRaw - dbCore.pairedRatioToRaw) > NOISY_RATIO_GAP;
  return { name, description, implementations, withinTarget: dbCore.ratioToRaw <= TARGET_RATIO, noisy };
}

export function formatTable(report: BenchReport): string {
  const header = ['case', 'raw ns/call', 'db-core ns/call', 'ratio', 'kysely ns/call', 'ratio'];
  const rows = report.cases.map((c) => {
    const { raw, dbCore, kysely } = c.implementations;
    return [c.name, ns(raw.medianNs), ns(dbCore.medianNs), ratio(dbCore.ratioToRaw), ns(kysely.medianNs), ratio(kysely.ratioToRaw)];
  });
  const widths = header.map((h, col) => Math.max(h.length, ...rows.map((row) => (row[col] as string).length)));
  const line = (cells: string[]) =>
    cells.map((cell, col) => (col === 0 ? cell.padEnd(widths[col] as number) : cell.padStart(widths[col] as number))).join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');

  const { environment: env, dataset } = report;
  return [
    `node ${env.node}, ${env.platform}, ${env.cpu} x${env.cpus}, load average ${env.loadAverage.map((l) => l.toFixed(2)).join(' -> ')}`,
    `${dataset.talks} talks, ${dataset.runs} runs; median of ${report.samples} batches of ~${report.targetBatchMs} ms per implementation, rounds interleaved` +
      (report.collectsBetweenBatches ? ', GC between batches' : ', no --expose-gc: GC lands in whichever batch triggers it'),
    '',
    line(header),
    rule,
    ...rows.map(line),
    '',
    ...report.cases.map(verdict),
  ].join('\n');
}

function verdict(c: CaseResult): string {
  const { dbCore } = c.implementations;
  const state = c.withinTarget ? 'within target' : 'MISSES target';
  return (
    `${c.name}: db-core ${ratio(dbCore.ratioToRaw)} raw, ${state} (<= ${ratio(TARGET_RATIO)}); ` +
    `paired per-round ratio ${ratio(dbCore.pairedRatioToRaw)}; db-core p25-p75 ${ns(dbCore.p25Ns)}-${ns(dbCore.p75Ns)} ns` +
    (c.noisy ? '; NOISY, rerun on an idle machine' : '')
  );
}

function ns(value: number): string {
  return value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(1);
}

function ratio(value: number): string {
  return `${value.toFixed(2)}x`;
}
