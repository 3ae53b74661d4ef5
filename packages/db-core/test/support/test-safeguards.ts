import type { OpenSafeguards } from '../../src';

/**
 * The engine's own tests open databases without the data-folder safeguards, which belong to the
 * operations package (its tests cover them with real opens): nothing to finish, no copy taken.
 * The engine's side of the contract (when the copy is asked for, and that a failed copy stops the
 * open) is tested with recording safeguards in `safeguards.spec.ts`.
 */
export const UNGUARDED: OpenSafeguards = {
  finishInterruptedWork: () => undefined,
  copyBeforeMigrating: () => null,
};
