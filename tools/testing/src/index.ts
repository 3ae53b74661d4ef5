/**
 * Test harnesses for the repositories: fault injection at every step of a flow, and the
 * committed state of databases and folders to compare before and after one.
 */
export {
  captureWorld,
  hashFiles,
  listFiles,
  readDatabaseRows,
  type FileWalkOptions,
  type ReadRowsOptions,
  type WorldState,
} from './world-state';
export {
  countSteps,
  replayWithFaults,
  INJECTED_FAULT_MESSAGE,
  type FaultReplay,
  type FaultScenario,
  type FaultWorld,
} from './fault-injection';
export {
  checkQueryPlans,
  GROWING_GLOBAL_TABLES,
  GROWING_PROFILE_TABLES,
  type PlanFinding,
  type PlanGateOptions,
  type PlanGateResult,
} from './query-plans';
export { buildRealisticProfile, REALISTIC_SIZES, type RealisticSizes } from './realistic-profile';
export { buildRealisticGlobal } from './realistic-global';
export { TEST_SAFEGUARDS } from './test-safeguards';
export { rowOnColumns } from './stored-row';
export { findingLine, type DocFinding } from './doc-finding';
export { firstDifference } from './first-difference';
