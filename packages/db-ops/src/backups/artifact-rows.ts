import type Database from 'better-sqlite3';
import { applyConnectionSettings, openSqliteConnection } from '@lepupitre/db-core/internals';
import { BACKUP_SQL } from './queries';

/**
 * An `artifacts` row as a backup sees it: what the file at `localRelpath` must be. Values are
 * read as data, not trusted: a legacy or hand-edited file may hold anything in these columns,
 * so anything that is not a path, a sha256 or a size reads as one no file can match (`''`, -1)
 * and that artifact is reported missing instead of failing the backup.
 */
export interface ArtifactRow {
  readonly id: string;
  readonly localRelpath: string;
  /** Lowercase hex. */
  readonly sha256: string;
  readonly bytes: number;
}

/**
 * The artifact rows of a database copy of our own (a verified backup copy, an earlier backup),
 * read on a read-only connection: the copies are in rollback-journal mode, so reading them
 * creates nothing beside them. A copy without an `artifacts` table has no artifacts.
 */
export function readArtifactRows(copyPath: string): ArtifactRow[] {
  const db = openSqliteConnection(copyPath, { readonly: true, fileMustExist: true });
  try {
    applyConnectionSettings(db);
    if (db.prepare(BACKUP_SQL.hasArtifactsTable).get() === undefined) return [];
    return (db.prepare(BACKUP_SQL.artifactRows).all() as Record<string, unknown>[]).map(toArtifactRow);
  } finally {
    db.close();
  }
}

/**
 * Whether the live database still has this artifact's row. Asked only about a row whose file
 * is missing: the app deletes a file after the delete of its row commits, so a file that went
 * missing between the copy's point in time and the file copy has no row any more.
 */
export function artifactStillListed(live: Database.Database, id: string): boolean {
  return live.prepare(BACKUP_SQL.artifactStillListed).get(id) !== undefined;
}

function toArtifactRow(row: Record<string, unknown>): ArtifactRow {
  const { id, local_relpath: relpath, sha256, bytes } = row;
  return {
    id: String(id),
    localRelpath: typeof relpath === 'string' ? relpath : '',
    sha256: typeof sha256 === 'string' && /^[0-9a-fA-F]{64}$/.test(sha256) ? sha256.toLowerCase() : '',
    bytes: typeof bytes === 'number' && Number.isSafeInteger(bytes) && bytes >= 0 ? bytes : -1,
  };
}
