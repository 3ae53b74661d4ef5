/**
 * The measuring side of the benchmarks, shared by the data-layer bench (`tools/bench`) and the
 * desktop command bench (`apps/desktop/test/bench`): the seeded dataset, the interleaved
 * harness, write-case settings, the agreement check, and the report pieces every table uses.
 * Imported as `@lepupitre/bench/harness`; a `type:testing` library, so that test code may
 * import it.
 */
export type { Measurement } from './src/measure';
export { buildDefaultDataset, NOTES, spreadStride, type Dataset } from './src/dataset';
export { measureCase, readsFirst, writeCaseHarness, type BenchCase, type BenchContext } from './src/bench-case';
export { openPosturedConnection } from './src/connections';
export { CHECKPOINT_PRAGMA } from './src/queries';
export {
  currentLoadAverage,
  describeRun,
  formatNs,
  formatRatio,
  formatRunHeader,
  formatTableRows,
  isNoisy,
  withRatio,
  type BenchRun,
  type ImplementationResult,
} from './src/report';
