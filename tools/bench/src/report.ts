import type { ImplementationName } from './cases';
import { quantile, type Measurement } from './harness';
import type { RepositoryImplementationName } from './repository-cases';

/** The budget of db-core, and of a repository call, over the hand-written baseline. */
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

export interface CaseResult<K extends string = ImplementationName> {
  readonly name: string;
  readonly description: string;
  readonly implementations: Readonly<Record<K, ImplementationResult>>;
  /** The implementation held to the target (db-core, or the repository) is within it. */
  readonly withinTarget: boolean;
  /** The samples are too spread for the ratios to be trusted to a few percent. */
  readonly noisy: boolean;
}

/** A repository hot call against its hand-written better-sqlite3 equivalent. */
export type RepositoryCaseResult = CaseResult<RepositoryImplementationName>;

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
  readonly dataset: { readonly talks: number; readonly runs: number; readonly analysedRuns: number };
  readonly samples: number;
  readonly targetBatchMs: number;
  readonly collectsBetweenBatches: boolean;
  readonly targetRatio: number;
  readonly cases: readonly CaseResult[];
  readonly repositoryCases: readonly RepositoryCaseResult[];
}

export function caseResult(
  name: string,
  description: string,
  measured: Readonly<Record<ImplementationName, Measurement>>,
): CaseResult {
  const raw = measured.raw;
  const implementations = {
    raw: withRatio(measured.raw, raw),
    dbCore: withRatio(measured.dbCore, raw),
    kysely: withRatio(measured.kysely, raw),
  };
  return { name, description, implementations, ...judge(raw, implementations.dbCore) };
}

export function repositoryCaseResult(
  name: string,
  description: string,
  measured: Readonly<Record<RepositoryImplementationName, Measurement>>,
): RepositoryCaseResult {
  const raw = measured.raw;
  const implementations = { raw: withRatio(raw, raw), repository: withRatio(measured.repository, raw) };
  return { name, description, implementations, ...judge(raw, implementations.repository) };
}

function withRatio(m: Measurement, raw: Measurement): ImplementationResult {
  return {
    ...m,
    ratioToRaw: m.medianNs / raw.medianNs,
    pairedRatioToRaw: quantile(
      m.perCallNs.map((ns, round) => ns / (raw.perCallNs[round] as number)).sort((a, b) => a - b),
      0.5,
    ),
  };
}

/** The target verdict and the noise flag, for the implementation held to the target. */
function judge(raw: Measurement, candidate: ImplementationResult): Pick<CaseResult, 'withinTarget' | 'noisy'> {
  const spread = (m: Measurement) => (m.p75Ns - m.p25Ns) / m.medianNs;
  const noisy =
    spread(raw) > NOISY_SPREAD ||
    spread(candidate) > NOISY_SPREAD ||
    Math.abs(candidate.ratioToRaw - candidate.pairedRatioToRaw) > NOISY_RATIO_GAP;
  return { withinTarget: candidate.ratioToRaw <= TARGET_RATIO, noisy };
}

export function formatTable(report: BenchReport): string {
  const executionPaths = table(
    ['case', 'raw ns/call', 'db-core ns/call', 'ratio', 'kysely ns/call', 'ratio'],
    report.cases.map((c) => {
      const { raw, dbCore, kysely } = c.implementations;
      return [c.name, ns(raw.medianNs), ns(dbCore.medianNs), ratio(dbCore.ratioToRaw), ns(kysely.medianNs), ratio(kysely.ratioToRaw)];
    }),
  );
  const repositoryCalls = table(
    ['repository call', 'raw ns/call', 'repository ns/call', 'ratio'],
    report.repositoryCases.map((c) => {
      const { raw, repository } = c.implementations;
      return [c.name, ns(raw.medianNs), ns(repository.medianNs), ratio(repository.ratioToRaw)];
    }),
  );

  const { environment: env, dataset } = report;
  return [
    `node ${env.node}, ${env.platform}, ${env.cpu} x${env.cpus}, load average ${env.loadAverage.map((l) => l.toFixed(2)).join(' -> ')}`,
    `${dataset.talks} talks, ${dataset.runs} runs, plus 1 active talk with ${dataset.analysedRuns} analysed runs; ` +
      `median of ${report.samples} batches of ~${report.targetBatchMs} ms per implementation, rounds interleaved` +
      (report.collectsBetweenBatches ? ', GC between batches' : ', no --expose-gc: GC lands in whichever batch triggers it'),
    '',
    ...executionPaths,
    '',
    ...report.cases.map((c) => verdict(c, 'db-core', c.implementations.dbCore)),
    ...(report.repositoryCases.length === 0
      ? []
      : [
          '',
          ...repositoryCalls,
          '',
          ...report.repositoryCases.map((c) => verdict(c, 'repository', c.implementations.repository)),
        ]),
  ].join('\n');
}

/** Header, rule and rows, the first column left-aligned and the figures right-aligned. */
function table(header: readonly string[], rows: readonly string[][]): string[] {
  const widths = header.map((h, col) => Math.max(h.length, ...rows.map((row) => (row[col] as string).length)));
  const line = (cells: readonly string[]) =>
    cells.map((cell, col) => (col === 0 ? cell.padEnd(widths[col] as number) : cell.padStart(widths[col] as number))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}

function verdict(c: Pick<CaseResult, 'name' | 'withinTarget' | 'noisy'>, label: string, candidate: ImplementationResult): string {
  const state = c.withinTarget ? 'within target' : 'MISSES target';
  return (
    `${c.name}: ${label} ${ratio(candidate.ratioToRaw)} raw, ${state} (<= ${ratio(TARGET_RATIO)}); ` +
    `paired per-round ratio ${ratio(candidate.pairedRatioToRaw)}; ${label} p25-p75 ${ns(candidate.p25Ns)}-${ns(candidate.p75Ns)} ns` +
    (c.noisy ? '; NOISY, rerun on an idle machine' : '')
  );
}

function ns(value: number): string {
  return value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(1);
}

function ratio(value: number): string {
  return `${value.toFixed(2)}x`;
}
