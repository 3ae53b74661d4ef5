import { captureWorld, countSteps, replayWithFaults, type FaultScenario, type FaultWorld } from '@lepupitre/testing';

/**
 * Asserts that a multi-step write is all or nothing: failing it at any one of its steps
 * (statement, file operation, commit) leaves the database rows and the profile folder's files
 * exactly as they were. Also asserts that the flow, left alone, does change the world, so the
 * check cannot pass vacuously. Returns the step kinds, for assertions on the flow's shape.
 */
export function expectAllOrNothing<W extends FaultWorld>(scenario: FaultScenario<W>): string[] {
  const world = scenario.setup();
  const before = captureWorld(world.databasePath, world.folder);
  try {
    scenario.flow(world);
  } finally {
    scenario.teardown?.(world);
    world.db.close();
  }
  expect(captureWorld(world.databasePath, world.folder)).not.toEqual(before);

  const replays = replayWithFaults(scenario);
  expect(replays.length).toBeGreaterThan(0);
  for (const replay of replays) {
    expect(replay.error).toBeDefined();
    expect({ step: replay.step, state: replay.after }).toEqual({ step: replay.step, state: replay.before });
  }
  return countSteps(scenario).map((step) => step.kind);
}
