import { defineQuery, profileQueryBuilder as qb } from '@lepupitre/db-core';

/**
 * Every artifact with what its file must match, for the audit of a profile folder (`db doctor`):
 * a full scan is the point of this query too.
 */
export const artifactsToAudit = defineQuery(() =>
  qb.selectFrom('artifacts').select(['id', 'local_relpath', 'bytes', 'sha256']).orderBy('id'),
);
