import { isDeepStrictEqual } from 'node:util';
import { cpus, loadavg } from 'node:os';
import { createCases } from './cases';
import { buildDataset, DEFAULT_SIZE } from './dataset';
import { collectsBetweenBatches, DEFAULT_HARNESS, measure } from './harness';
import { caseResult, formatTable, TARGET_RATIO, type BenchReport, type CaseResult } from './report';

/**
 * `npm run bench [-- --json]`: micro-benchmark of db-core's execution path against a
 * hand-written better-sqlite3 baseline and Kysely's own driver.
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
  progress(`building ${DEFAULT_SIZE.talks} talks and ${DEFAULT_SIZE.runs} runs through openDatabase...`);
  const data = buildDataset(DEFAULT_SIZE);
  try {
    const context = await createCases(data);
    try {
      const results: CaseResult[] = [];
      for (const benchCase of context.cases) {
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
        const measured = await measure(benchCase.implementations, { ...DEFAULT_HARNESS, ...benchCase.harness });
        results.push(caseResult(benchCase.name, benchCase.description, measured));
      }
      const report: BenchReport = {
        environment: {
          node: process.version,
          platform: `${process.platform} ${process.arch}`,
          cpu: cpus()[0]?.model.trim() ?? 'unknown cpu',
          cpus: cpus().length,
          loadAverage: [loadBefore, loadavg()[0] ?? Number.NaN],
        },
        dataset: { talks: data.size.talks, runs: data.size.runs },
        samples: DEFAULT_HARNESS.samples,
        targetBatchMs: DEFAULT_HARNESS.targetBatchMs,
        collectsBetweenBatches,
        targetRatio: TARGET_RATIO,
        cases: results,
      };
      console.log(json ? JSON.stringify(report, null, 2) : `\n${formatTable(report)}`);
    } finally {
      await context.close();
    }
  } finally {
    data.dispose();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
