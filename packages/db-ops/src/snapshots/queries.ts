/** Statements of the pre-migration snapshot's verifier. */
export const SNAPSHOT_SQL = {
  integrityCheck: 'PRAGMA integrity_check',
} as const;
