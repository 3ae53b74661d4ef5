import { isDbError, type DatabaseScope, type PostureReading, type DatabaseState, MIGRATIONS } from '@lepupitre/db-core';
import { assertScope, inspectDatabaseFile, type FileState, planMigrations } from '@lepupitre/db-core/internals';
import { printableText } from '@lepupitre/domain-primitives';

export interface DatabaseStatus {
  readonly scope: DatabaseScope;
  readonly fileState: FileState;
  /** null when the history is refused or the file absent. */
  readonly state: DatabaseState | null;
  /** Applied ids; when the history is refused, the ids the file records, printable (`printableText`). */
  readonly applied: readonly string[];
  readonly pending: readonly string[];
  readonly expected: readonly string[];
  /** The continuity verdict: ok, or the refusal that an open would raise. */
  readonly continuity: { readonly ok: true } | { readonly ok: false; readonly code: string; readonly message: string };
  /** What a connection to this file reads back; journal mode is the file's own. */
  readonly posture: (PostureReading & { readonly ok: boolean; readonly mismatches: readonly string[] }) | null;
}

/**
 * The migration state of a file, read without writing anything: no migration, no WAL switch,
 * no snapshot. A legacy file in rollback-journal mode reports its journal mode as it is; the
 * next open switches it.
 */
export function readDatabaseStatus(path: string, scope: DatabaseScope): DatabaseStatus {
  const inspection = inspectDatabaseFile(path);
  const known = MIGRATIONS[scope];
  const expected = known.map((m) => m.id);
  const posture = inspection.posture
    ? { ...inspection.posture.reading, ok: inspection.posture.mismatches.length === 0, mismatches: inspection.posture.mismatches }
    : null;
  try {
    assertScope(inspection, scope);
    const plan = planMigrations(scope, known, inspection.history);
    return {
      scope,
      fileState: inspection.fileState,
      state: inspection.fileState === 'absent' ? null : plan.state,
      applied: plan.applied,
      pending: plan.pending.map((m) => m.id),
      expected,
      continuity: { ok: true },
      posture,
    };
  } catch (error) {
    if (!isDbError(error)) throw error;
    return {
      scope,
      fileState: inspection.fileState,
      state: null,
      // What the file records, which this app refused: shown printable, never as read.
      applied: (inspection.history.rows ?? []).map((r) => printableText(r.version)),
      pending: [],
      expected,
      continuity: { ok: false, code: error.code, message: error.message },
      posture,
    };
  }
}
