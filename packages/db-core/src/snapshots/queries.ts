/** Statements of the snapshot writer and verifier. The target path is always a bound value. */
export const SNAPSHOT_SQL = {
  vacuumInto: 'VACUUM INTO ?',
  integrityCheck: 'PRAGMA integrity_check',
} as const;
