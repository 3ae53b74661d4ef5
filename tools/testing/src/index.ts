/** Test harnesses for the repositories: fault injection at every step of a flow. */
export { captureWorld, type WorldState } from './world-state';
export {
  countSteps,
  replayWithFaults,
  INJECTED_FAULT_MESSAGE,
  type FaultReplay,
  type FaultScenario,
  type FaultWorld,
} from './fault-injection';
