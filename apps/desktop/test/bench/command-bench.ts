import {
  buildDefaultDataset,
  currentLoadAverage,
  describeRun,
  measureCase,
  readsFirst,
} from '@lepupitre/bench/harness';
import { createCommandCases } from './command-cases';
import { commandCaseResult, formatCommandTable, type CommandBenchReport, type CommandCaseResult } from './command-report';

/**
 * `npx nx run desktop:bench [--json]` (also run by `npm run bench`): hot IPC commands through
 * the router (payload and response checks, the profile check, the serial queue) against the
 * repository call they make, alone and preceded by the profile check, on the data-layer
 * bench's dataset and harness (`@lepupitre/bench/harness`).
 *
 * Like that bench, it exits 0 whenever it completes, whatever the figures, and 1 only when it
 * cannot measure, including when a command and its repository call disagree on a result.
 */
async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const progress = (line: string) => {
    if (!json) console.log(line);
  };

  const loadBefore = currentLoadAverage();
  const data = buildDefaultDataset(progress);
  try {
    const context = await createCommandCases(data);
    try {
      const results: CommandCaseResult[] = [];
      const jobs = context.cases.map((c, index) => ({
        writes: c.writes === true,
        run: async () => {
          results[index] = commandCaseResult(c.name, c.description, await measureCase(c, progress));
        },
      }));
      for (const job of readsFirst(jobs)) await job.run();

      const report: CommandBenchReport = { ...describeRun(loadBefore, data.size), commandCases: results };
      console.log(json ? JSON.stringify(report, null, 2) : `\n${formatCommandTable(report)}`);
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
