import {
  formatNs as ns,
  formatRatio as ratio,
  formatRunHeader,
  formatTableRows as table,
  isNoisy,
  withRatio,
  type BenchRun,
  type ImplementationResult,
  type Measurement,
} from '@lepupitre/bench/harness';
import type { ImplementationName } from './cases';
import type { RepositoryImplementationName } from './repository-cases';

/** The budget of db-core, and of a repository call, over the hand-written baseline. */
export const TARGET_RATIO = 1.15;

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

export interface BenchReport extends BenchRun {
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

/** The target verdict and the noise flag, for the implementation held to the target. */
function judge(raw: Measurement, candidate: ImplementationResult): Pick<CaseResult, 'withinTarget' | 'noisy'> {
  return { withinTarget: candidate.ratioToRaw <= TARGET_RATIO, noisy: isNoisy(raw, candidate) };
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

  return [
    ...formatRunHeader(report),
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

function verdict(c: Pick<CaseResult, 'name' | 'withinTarget' | 'noisy'>, label: string, candidate: ImplementationResult): string {
  const state = c.withinTarget ? 'within target' : 'MISSES target';
  return (
    `${c.name}: ${label} ${ratio(candidate.ratioToRaw)} raw, ${state} (<= ${ratio(TARGET_RATIO)}); ` +
    `paired per-round ratio ${ratio(candidate.pairedRatioToRaw)}; ${label} p25-p75 ${ns(candidate.p25Ns)}-${ns(candidate.p75Ns)} ns` +
    (c.noisy ? '; NOISY, rerun on an idle machine' : '')
  );
}
