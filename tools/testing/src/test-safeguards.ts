import type { OpenSafeguards } from '@lepupitre/db-core';

/**
 * The safeguards the context packages' tests open their databases with. The real ones (a
 * restore or recovery left half done is finished, an existing database is copied before it is
 * migrated) belong to the operations package, which no context package depends on, and are
 * tested there with real opens. A context's tests build their databases themselves: nothing is
 * ever left half swapped, and no copy is taken before migrating one.
 */
export const TEST_SAFEGUARDS: OpenSafeguards = {
  finishInterruptedWork: () => undefined,
  copyBeforeMigrating: () => null,
};
