import { readdirSync, statSync } from 'node:fs';
import { printableText, formatUtcTimestamp } from '@lepupitre/domain-primitives';
import { join } from 'node:path';
import { DbError, DbErrorCode, type DatabaseScope } from '@lepupitre/db-core';
import { backupLocationOf } from './backup-folder';
import { checkAgainstManifest, readManifest, type VerificationProblem } from './backup-manifest';
import { backupNamesIn, stampToDate, type BackupKind } from './backup-names';
import { manifestArtifactsOf } from './artifacts-folder';

/** One copy in `backups/` beside a database, as an operator sees it. Never a path. */
export interface BackupEntry {
  /** File name inside the `backups/` folder: what `restoreBackup` takes. */
  readonly file: string;
  readonly kind: BackupKind;
  /** From the manifest, else from the time in the name. */
  readonly createdAt: string;
  /** Whole seconds between `createdAt` and now; negative when the clock was set back since. */
  readonly ageSeconds: number;
  /** Size of the file as found. */
  readonly bytes: number | null;
  /**
   * What the backup occupies: the database file plus, for a profile backup, its artifact files
   * (as its manifest counts them). Null when the file cannot be found.
   */
  readonly totalBytes: number | null;
  /**
   * What the backup added on disk when it was taken: the database file plus the artifact
   * files it copied (the ones hard-linked from an earlier backup cost nothing). Null when the
   * file cannot be found.
   */
  readonly newBytes: number | null;
  /** A profile backup's artifact files, in counts, as its manifest gives them; null for other copies. */
  readonly artifacts: BackupEntryArtifacts | null;
  readonly schemaVersion: string | null;
  /** Manifest present and claiming verification, and the file still exactly what it describes. */
  readonly verified: boolean;
  /** Why it is not verified; null when it is. */
  readonly problem: VerificationProblem | null;
}

export interface BackupEntryArtifacts {
  readonly files: number;
  readonly bytes: number;
  readonly newBytes: number;
  /** Rows of the copy whose file the backup does not hold. */
  readonly missing: number;
  /** Of those, the rows deleted in the live database after the backup's point in time. */
  readonly deletedSince: number;
}

export interface ListBackupsOptions {
  readonly now?: () => Date;
  /**
   * Hash every copy to compare it with its manifest (the default). Without it only sizes are
   * compared: enough to pick candidates quickly, not to trust one.
   */
  readonly checkContent?: boolean;
}

/**
 * Every backup and pre-migration snapshot of one database, newest first, with what its manifest
 * says and whether the file still matches it (the database file; a profile backup's artifact
 * files are counted from its manifest, not re-read). Files of other stems and scopes, partial copies
 * and anything else in the folder are not listed. A missing folder means no backups.
 */
export function listBackups(databasePath: string, scope: DatabaseScope, options: ListBackupsOptions = {}): BackupEntry[] {
  const now = options.now?.() ?? new Date();
  const location = backupLocationOf(databasePath);
  let files: string[];
  try {
    files = readdirSync(location.dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw new DbError(DbErrorCode.CANT_OPEN, 'the backups folder cannot be read', { details: { scope, reason: String(code) }, cause: error });
  }
  return backupNamesIn(location.dir, files, location.stem, scope).map((name) => {
    const path = join(location.dir, name.file);
    const reading = readManifest(path, name.kind, scope);
    const problem = reading.manifest ? checkAgainstManifest(path, reading.manifest, options.checkContent ?? true) : reading.problem;
    const createdAt = printableText(reading.manifest?.createdAt ?? formatUtcTimestamp(stampToDate(name.stamp)));
    const created = Date.parse(createdAt);
    const bytes = sizeOrNull(path);
    const artifacts = reading.manifest ? manifestArtifactsOf(reading.manifest, name.file) : null;
    return {
      file: name.file,
      kind: name.kind,
      createdAt,
      ageSeconds: Number.isNaN(created) ? 0 : Math.floor((now.getTime() - created) / 1000),
      bytes,
      totalBytes: bytes === null ? null : bytes + (artifacts?.bytes ?? 0),
      newBytes: bytes === null ? null : bytes + (artifacts?.newBytes ?? 0),
      artifacts: artifacts && {
        files: artifacts.count,
        bytes: artifacts.bytes,
        newBytes: artifacts.newBytes,
        missing: artifacts.missing.length,
        deletedSince: artifacts.deletedSince?.length ?? 0,
      },
      // Read from a file anyone can edit: escaped and bounded like everything printed.
      schemaVersion: reading.manifest?.schemaVersion == null ? null : printableText(reading.manifest.schemaVersion),
      verified: problem === null,
      problem,
    };
  });
}

function sizeOrNull(path: string): number | null {
  try {
    return statSync(path).size;
  } catch {
    return null;
  }
}
