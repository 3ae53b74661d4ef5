import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { formatKillDrillReport, KillDrill, killDrillProblems, type KillDrillReport } from './kill-drill';
import { drillSeed } from './seeded-random';

/**
 * The kill drill, short: three SIGKILLs of the real app host under write traffic, each followed
 * by a restart and the full checks. The long version (`host-kill.drill.ts`, `npm run drills`)
 * kills it thirty times and more. Replay a failure with KILL_DRILL_SEED=<seed it printed>.
 */
describe('the app host killed under write traffic', () => {
  const seed = drillSeed('KILL_DRILL_SEED');
  let root: string;
  let drill: KillDrill | undefined;

  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'lepupitre-kill-drill-'));
  });
  afterAll(async () => {
    await drill?.dispose();
    rmSync(root, { recursive: true, force: true });
  });

  it('keeps every acknowledged write and leaves a clean data folder after each kill', async () => {
    drill = new KillDrill({ root, seed, kills: 3, clients: 3, profiles: 2, killAfterMs: [150, 700], deadlineMs: 60_000 });
    const report: KillDrillReport = await drill.run();
    console.log(formatKillDrillReport(report));

    expect({ seed, problems: killDrillProblems(report) }).toEqual({ seed, problems: [] });
    expect(report.kills).toBe(3);
    // The clients really wrote, on both profiles, through every command of the flow.
    expect(report.acknowledgedByCommand['run_analyze']).toBeGreaterThan(0);
    expect(report.acknowledged).toBeGreaterThan(30);
  }, 120_000);
});
