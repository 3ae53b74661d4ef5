import {
  buildDefaultDataset,
  currentLoadAverage,
  describeRun,
  measureCase,
  readsFirst,
} from '@lepupitre/bench/harness';
import { createCases } from './cases';
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
 * `npx nx run bench:bench [--json]` (also run by `npm run bench`): micro-benchmark of db-core's
 * execution path against a hand-written better-sqlite3 baseline and Kysely's own driver, then
 * of repository hot calls against hand-written better-sqlite3 equivalents. The command layer
 * has its own bench in the desktop app (`apps/desktop/test/bench`).
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

  const loadBefore = currentLoadAverage();
  const data = buildDefaultDataset(progress);
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
    // Each table keeps its own order.
    for (const job of readsFirst(jobs)) await job.run();

    const report: BenchReport = {
      ...describeRun(loadBefore, data.size),
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

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
