import { formatKillDrillReport, killDrillProblems, type KillDrillReport } from './kill-drill';
import { useKillDrill } from './kill-drill-root';
import { drillSeed } from './seeded-random';

/**
 * The kill drill, short: three SIGKILLs of the real app host under write traffic, each followed
 * by a restart and the full checks. The long version (`host-kill.drill.ts`, `npm run drills`)
 * kills it thirty times and more. Replay a failure with KILL_DRILL_SEED=<seed it printed>.
 */
describe('the app host killed under write traffic', () => {
  const seed = drillSeed('KILL_DRILL_SEED');
  const killDrill = useKillDrill();

  it('keeps every acknowledged write and leaves a clean data folder after each kill', async () => {
    const drill = killDrill({ seed, kills: 3, clients: 3, profiles: 2, killAfterMs: [150, 700], minAcknowledgedPerRound: 12, deadlineMs: 60_000 });
    const report: KillDrillReport = await drill.run();
    console.log(formatKillDrillReport(report));

    expect({ seed, problems: killDrillProblems(report) }).toEqual({ seed, problems: [] });
    expect(report.kills).toBe(3);
    // The clients really wrote, on both profiles, through every command of the flow.
    expect(report.acknowledgedByCommand['run_analyze']).toBeGreaterThan(0);
    expect(report.acknowledged).toBeGreaterThan(30);
  }, 120_000);
});
