import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DbError, DbErrorCode, type PreMigrationCopyRequest } from '@lepupitre/db-core';
import { compactUtcStamp, formatUtcTimestamp } from '@lepupitre/domain-primitives';
import { removeQuietly } from '../files/remove-quietly';
import { backupLocationOf, PARTIAL_SUFFIX } from './backup-folder';
import type { SnapshotManifest } from './backup-manifest';
import { parseSnapshotName, snapshotFileName } from './pre-migration-names';
import { pruneSnapshots } from './pre-migration-retention';
import { writeVerifiedCopySync, type VerifiedCopyStep } from './verified-copy';

export interface SnapshotResult {
  /** File name inside the `backups/` folder beside the database: never a full path. */
  readonly file: string;
  readonly manifest: SnapshotManifest;
  /** Older snapshots removed by retention. */
  readonly pruned: readonly string[];
}

export interface SnapshotOptions {
  /** Told before each step of the copy. The fault-injection tests throw from it. */
  readonly onStep?: (step: VerifiedCopyStep) => void;
}

/**
 * Copies the database before pending migrations run on it, and proves the copy sound: a backup
 * of kind `pre-migration`, written by the pipeline every backup goes through
 * (`verified-copy.ts`). The copy is the engine's `copyInto` (`VACUUM INTO`, one read
 * transaction, so it is consistent even while other connections write). A copy that fails is
 * removed with its manifest and the migration does not start (`DB_SNAPSHOT_FAILED`).
 */
export function takePreMigrationSnapshot(request: PreMigrationCopyRequest, options: SnapshotOptions = {}): SnapshotResult {
  const now = request.now ?? new Date();
  const location = backupLocationOf(request.databasePath);
  try {
    const { file, manifest, pruned } = writeVerifiedCopySync({
      dir: location.dir,
      removeAbandoned: () => removeAbandonedCopies(location.dir, location.stem, request.scope),
      nameFor: (counter) => snapshotFileName(location.stem, request.scope, request.nextMigrationId, compactUtcStamp(now), counter),
      write: (partialPath) => request.copyInto(partialPath),
      damaged: damagedSnapshotError,
      describe: (copy): SnapshotManifest => ({
        kind: 'pre-migration',
        scope: request.scope,
        schemaVersion: request.schemaVersion,
        nextMigrationId: request.nextMigrationId,
        bytes: copy.digest.bytes,
        sha256: copy.digest.sha256,
        createdAt: formatUtcTimestamp(now),
        verified: true,
      }),
      retain: (justTaken) => pruneSnapshots(location.dir, location.stem, request.scope, justTaken),
      onStep: options.onStep,
    });
    return { file, manifest, pruned };
  } catch (error) {
    if (error instanceof DbError) throw error;
    throw new DbError(DbErrorCode.SNAPSHOT_FAILED, 'the pre-migration snapshot could not be written; nothing was migrated', {
      details: { scope: request.scope },
      cause: error,
    });
  }
}

function damagedSnapshotError(): Error {
  return new DbError(DbErrorCode.SNAPSHOT_FAILED, 'the pre-migration snapshot failed its integrity check; nothing was migrated');
}

/**
 * A process killed while writing a snapshot leaves its `.partial` copy behind. Snapshots are
 * written under the migration lock, so any partial copy of this stem and scope is abandoned
 * (backups, which run without it, wait a day: `removeAbandonedPartials`).
 */
function removeAbandonedCopies(dir: string, stem: string, scope: string): void {
  for (const file of readdirSync(dir)) {
    if (file.endsWith(`.db${PARTIAL_SUFFIX}`) && parseSnapshotName(file.slice(0, -PARTIAL_SUFFIX.length), stem, scope)) {
      removeQuietly(join(dir, file));
    }
  }
}
