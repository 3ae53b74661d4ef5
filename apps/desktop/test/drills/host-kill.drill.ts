import { formatKillDrillReport, killDrillProblems } from './kill-drill';
import { useKillDrill } from './kill-drill-root';
import { drillSeed } from './seeded-random';

/**
 * The kill drill, long (`npm run drills`, or `npx nx run desktop:drill`): the real app host
 * killed with SIGKILL thirty-two times under the writes of four clients on two profiles, each
 * kill followed by a restart and the full checks. KILL_DRILL_SEED=<seed> replays a run's choices;
 * KILL_DRILL_KILLS raises the count (never below 30).
 */
const KILLS = Math.max(30, Number(process.env['KILL_DRILL_KILLS'] ?? 32) || 32);
const DEADLINE_MS = 12 * 60_000;

describe('the app host killed under write traffic, again and again', () => {
  const seed = drillSeed('KILL_DRILL_SEED');
  const killDrill = useKillDrill();

  it(`loses no acknowledged write and leaves a clean data folder across ${KILLS} kills`, async () => {
    console.log(`kill drill: seed ${seed}, ${KILLS} kills`);
    const drill = killDrill({
      seed,
      kills: KILLS,
      clients: 4,
      profiles: 2,
      killAfterMs: [40, 1500],
      deadlineMs: DEADLINE_MS,
      progress: (line) => process.stdout.write(`  ${line}\n`),
    });
    const report = await drill.run();
    console.log(formatKillDrillReport(report));

    expect({ seed, problems: killDrillProblems(report) }).toEqual({ seed, problems: [] });
    expect(report.kills).toBe(KILLS);
    // Kills landed in the middle of writes, and the clients wrote through every command of the flow.
    expect(report.cutByKills).toBeGreaterThan(KILLS / 2);
    const flow = ['project_create', 'audio_import_wav', 'run_create', 'run_finish', 'transcript_import', 'run_set_transcript', 'run_analyze', 'feedback_note_set', 'quest_submit_text', 'analyze_attempt'];
    expect(flow.filter((command) => (report.acknowledgedByCommand[command] ?? 0) === 0)).toEqual([]);
  }, DEADLINE_MS + 120_000);
});
