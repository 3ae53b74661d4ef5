import { isDeepStrictEqual } from 'node:util';
import { cpus, loadavg } from 'node:os';
import { createCases, type BenchCase } from './cases';
import { buildDataset, DEFAULT_SIZE } from './dataset';
import { collectsBetweenBatches, DEFAULT_HARNESS, measure, type Measurement } from './harness';
import { createRepositoryCases } from './repository-cases';
import {
  caseResult,
  formatTable,
  repositoryCaseResult,
  TARGET_RATIO,
  type BenchReport,
  type CaseResult,
  type RepositoryCaseResult,
} from './report';

/**
 * `npm run bench [-- --json]`: micro-benchmark of db-core's execution path against a
 * hand-written better-sqlite3 baseline and Kysely's own driver, then of repository hot calls
 * against hand-written better-sqlite3 equivalents.
 *
 * It always exits 0 when it completes: the numbers depend on the machine and belong in notes,
 * so a miss is reported, not failed. It exits 1 only when it cannot measure, including when
 * the implementations disagree on a result, since then they are not doing the same work.
 */
async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const progress = (line: string) => {
    if (!json) console.log(line);
  };

  const loadBefore = loadavg()[0] ?? Number.NaN;
  progress(
    `building ${DEFAULT_SIZE.talks} talks and ${DEFAULT_SIZE.runs} runs, and a talk with ` +
      `${DEFAULT_SIZE.analysedRuns} analysed runs, through openDatabase...`,
  );
  const data = buildDataset(DEFAULT_SIZE);
  const opened: { close(): Promise<void> }[] = [];
  try {
    const context = await createCases(data);
    opened.push(context);
    const repositoryContext = await createRepositoryCases(data);
    opened.push(repositoryContext);

    const results: CaseResult[] = [];
    const repositoryResults: RepositoryCaseResult[] = [];
    const jobs = [
      ...context.cases.map((c, index) => ({
        writes: c.writes === true,
        run: async () => {
          results[index] = caseResult(c.name, c.description, await measureCase(c, progress));
        },
      })),
      ...repositoryContext.cases.map((c, index) => ({
        writes: c.writes === true,
        run: async () => {
          repositoryResults[index] = repositoryCaseResult(c.name, c.description, await measureCase(c, progress));
        },
      })),
    ];
    // Every read before any write (see BenchCase.writes); each table keeps its own order.
    for (const job of [...jobs.filter((j) => !j.writes), ...jobs.filter((j) => j.writes)]) await job.run();

    const report: BenchReport = {
      environment: {
        node: process.version,
        platform: `${process.platform} ${process.arch}`,
        cpu: cpus()[0]?.model.trim() ?? 'unknown cpu',
        cpus: cpus().length,
        loadAverage: [loadBefore, loadavg()[0] ?? Number.NaN],
      },
      dataset: { talks: data.size.talks, runs: data.size.runs, analysedRuns: data.size.analysedRuns },
      samples: DEFAULT_HARNESS.samples,
      targetBatchMs: DEFAULT_HARNESS.targetBatchMs,
      collectsBetweenBatches,
      targetRatio: TARGET_RATIO,
      cases: results,
      repositoryCases: repositoryResults,
    };
    console.log(json ? JSON.stringify(report, null, 2) : `\n${formatTable(report)}`);
  } finally {
    for (const context of opened.reverse()) await context.close();
    data.dispose();
  }
}

/** Checks that the implementations agree, then measures them against each other. */
async function measureCase<K extends string>(
  benchCase: BenchCase<K>,
  progress: (line: string) => void,
): Promise<Record<K, Measurement>> {
  if (benchCase.check) {
    const [raw, ...others] = await benchCase.check();
    if (raw === undefined || (Array.isArray(raw) && raw.length === 0)) {
      throw new Error(`${benchCase.name}: the baseline finds nothing, so the case would measure nothing`);
    }
    if (others.some((other) => !isDeepStrictEqual(other, raw))) {
      throw new Error(`${benchCase.name}: the implementations return different results`);
    }
  }
  progress(`measuring ${benchCase.name}...`);
  return measure(benchCase.implementations, { ...DEFAULT_HARNESS, ...benchCase.harness });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
