import { DbError, DbErrorCode, type DatabaseHandle, type StepEvent } from '@lepupitre/db-core';
import { captureWorld, type WorldState } from './world-state';

/** A world a flow runs in: an open database, its file, and the folder its files live in. */
export interface FaultWorld {
  readonly db: DatabaseHandle;
  readonly databasePath: string;
  readonly folder: string;
}

export interface FaultScenario<W extends FaultWorld> {
  /** Builds a fresh world, in the state the flow starts from. Called once per replay. */
  readonly setup: () => W;
  /** The multi-step write under test. */
  readonly flow: (world: W) => unknown;
  /** Closes what setup opened (the database handle is closed by the harness). */
  readonly teardown?: (world: W) => void;
}

export interface FaultReplay {
  /** 1-based index of the failed step. */
  readonly step: number;
  readonly event: StepEvent;
  /** The error that reached the caller. */
  readonly error: unknown;
  readonly before: WorldState;
  readonly after: WorldState;
}

export const INJECTED_FAULT_MESSAGE = 'injected fault';

/** Runs the flow once, unharmed, and returns the steps it performed. */
export function countSteps<W extends FaultWorld>(scenario: FaultScenario<W>): StepEvent[] {
  const world = scenario.setup();
  const steps: StepEvent[] = [];
  try {
    world.db.observeSteps((event) => void steps.push(event));
    scenario.flow(world);
  } finally {
    world.db.observeSteps(undefined);
    close(scenario, world);
  }
  return steps;
}

/**
 * Replays the flow once per step, failing at that step, each time from a fresh world, and
 * records what the world looked like before and after. A sound flow leaves `after` equal to
 * `before` at every step: nothing half-written in the database, no file left or lost.
 */
export function replayWithFaults<W extends FaultWorld>(scenario: FaultScenario<W>): FaultReplay[] {
  const total = countSteps(scenario).length;
  const replays: FaultReplay[] = [];
  for (let step = 1; step <= total; step++) {
    const world = scenario.setup();
    const before = captureWorld(world.databasePath, world.folder);
    let seen = 0;
    let failedAt: StepEvent | undefined;
    let error: unknown;
    try {
      world.db.observeSteps((event) => {
        seen += 1;
        if (seen === step) {
          failedAt = event;
          throw new DbError(DbErrorCode.INJECTED_FAULT, `${INJECTED_FAULT_MESSAGE} at step ${step} (${event.kind})`);
        }
      });
      scenario.flow(world);
    } catch (caught) {
      error = caught;
    } finally {
      world.db.observeSteps(undefined);
    }
    close(scenario, world);
    if (!failedAt) throw new Error(`the flow did not reach step ${step} of ${total} on replay: it is not deterministic`);
    replays.push({ step, event: failedAt, error, before, after: captureWorld(world.databasePath, world.folder) });
  }
  return replays;
}

function close<W extends FaultWorld>(scenario: FaultScenario<W>, world: W): void {
  try {
    scenario.teardown?.(world);
  } finally {
    world.db.close();
  }
}
