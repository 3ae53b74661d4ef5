import { DbError } from '../errors/db-error';
import { DbErrorCode } from '../errors/db-error-codes';
import { printableList, printableText } from '@lepupitre/domain-primitives';
import { migrationChecksum } from './checksum';
import type { Migration } from './migration';
import type { HistorySnapshot } from './tracking-table';

/**
 * - `empty`: no tables at all (a new or zero-length file): every migration runs, no snapshot.
 * - `legacy`: tables but no tracking rows: written before tracking existed; every migration
 *   runs from the first, each safe on whatever an older build left.
 * - `tracked`: a valid prefix of the history is recorded.
 */
export type DatabaseState = 'empty' | 'legacy' | 'tracked';

export interface MigrationPlan {
  readonly state: DatabaseState;
  readonly applied: readonly string[];
  readonly pending: readonly Migration[];
  /** Recorded rows without a checksum (written by the previous app). */
  readonly uncheckedIds: readonly string[];
}

/**
 * Validates the recorded history against the known list and says what is left to do. Reads
 * nothing itself and writes nothing: a refusal leaves the file exactly as it was.
 *
 * The checks run in this order, each with its own code:
 * 1. ids this app does not know: `DB_NEWER_THAN_APP` when the whole known history is applied
 *    too (a later version wrote it), `MIGRATION_UNKNOWN` otherwise;
 * 2. a known migration missing before the last applied one: `MIGRATION_GAP`;
 * 3. ids recorded in an order the history forbids: `MIGRATION_ORDER`. Recording order is the
 *    rowid order of the tracking table, not `applied_at`, which a clock change can reorder;
 * 4. a recorded checksum that is neither the shipped migration's nor one of the earlier texts it
 *    was corrected from (`earlierChecksums`): `MIGRATION_CHECKSUM_MISMATCH`.
 */
export function planMigrations(scope: string, known: readonly Migration[], history: HistorySnapshot): MigrationPlan {
  const rows = history.rows ?? [];
  if (rows.length === 0) {
    const state: DatabaseState = history.userTableCount === 0 ? 'empty' : 'legacy';
    return { state, applied: [], pending: known, uncheckedIds: [] };
  }

  const indexOf = new Map(known.map((m, i) => [m.id, i] as const));
  const recorded = rows.map((r) => r.version);
  const unknown = recorded.filter((id) => !indexOf.has(id));
  if (unknown.length > 0) {
    // Unknown ids are whatever the file holds: they are quoted printable, in the details too.
    const unknownIds = unknown.map((id) => printableText(id));
    const missingKnown = known.map((m) => m.id).filter((id) => !recorded.includes(id));
    if (missingKnown.length === 0) {
      throw new DbError(
        DbErrorCode.NEWER_THAN_APP,
        `the ${scope} database was written by a newer version of the app (unknown migrations: ${printableList(unknown)}); it was not changed`,
        { details: { scope, unknownIds } },
      );
    }
    throw new DbError(
      DbErrorCode.MIGRATION_UNKNOWN,
      `the ${scope} database records unknown migrations ${printableList(unknown)} where ${missingKnown.join(', ')} ${missingKnown.length === 1 ? 'is' : 'are'} expected`,
      { details: { scope, unknownIds, expectedIds: missingKnown } },
    );
  }

  const lastIndex = Math.max(...recorded.map((id) => indexOf.get(id) as number));
  const missing = known.slice(0, lastIndex).map((m) => m.id).filter((id) => !recorded.includes(id));
  if (missing.length > 0) {
    throw new DbError(
      DbErrorCode.MIGRATION_GAP,
      `the ${scope} database misses ${missing.join(', ')} before the applied ${known[lastIndex]?.id}`,
      { details: { scope, missingIds: missing, lastAppliedId: known[lastIndex]?.id ?? '' } },
    );
  }

  for (let i = 1; i < recorded.length; i++) {
    const before = recorded[i - 1] as string;
    const after = recorded[i] as string;
    if ((indexOf.get(after) as number) < (indexOf.get(before) as number)) {
      throw new DbError(
        DbErrorCode.MIGRATION_ORDER,
        `the ${scope} database recorded ${after} after ${before}, out of order`,
        { details: { scope, ids: [before, after] } },
      );
    }
  }

  const edited = rows
    .filter((row) => row.checksum !== null)
    .filter((row) => !acceptsChecksum(known[indexOf.get(row.version) as number] as Migration, row.checksum as string))
    .map((row) => row.version);
  if (edited.length > 0) {
    throw new DbError(
      DbErrorCode.MIGRATION_CHECKSUM_MISMATCH,
      `the ${scope} database recorded ${edited.join(', ')} with content that differs from this app's`,
      { details: { scope, ids: edited } },
    );
  }

  return {
    state: 'tracked',
    applied: known.slice(0, lastIndex + 1).map((m) => m.id),
    pending: known.slice(lastIndex + 1),
    uncheckedIds: rows.filter((row) => row.checksum === null).map((row) => row.version),
  };
}

function acceptsChecksum(migration: Migration, recorded: string): boolean {
  return recorded === migrationChecksum(migration) || (migration.earlierChecksums ?? []).includes(recorded);
}
