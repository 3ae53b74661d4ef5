import type Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { manifestPathOf, writeManifest, type SnapshotManifest } from '../backups/backup-manifest';
import { ensureOwnerOnlyDir, DbError, DbErrorCode, type PreMigrationCopyRequest } from '@lepupitre/db-core';
import { ensureOwnerOnlyFile, openSqliteConnection } from '@lepupitre/db-core/internals';
import { digestFile } from '../files/file-digest';
import { removeQuietly } from '../files/remove-quietly';
import { compactUtcStamp, formatUtcTimestamp } from '@lepupitre/domain-primitives';
import { SNAPSHOT_SQL } from './queries';
import { compareNewestFirst, parseSnapshotName, snapshotFileName, snapshotStem, type SnapshotName } from './snapshot-names';

/** Snapshots kept per database stem and scope, as the previous app did. */
export const SNAPSHOT_RETENTION = 5;

export interface SnapshotResult {
  /** File name inside the `backups/` folder beside the database: never a full path. */
  readonly file: string;
  readonly manifest: SnapshotManifest;
  /** Older snapshots removed by retention. */
  readonly pruned: readonly string[];
}

/**
 * Copies the database before pending migrations run on it, and proves the copy sound.
 *
 * `VACUUM INTO` reads inside one read transaction, so the copy is consistent even while other
 * connections write. The copy is written under a temporary name, checked with
 * `PRAGMA integrity_check`, and only then renamed into place with a manifest beside it; a copy
 * that fails is removed and the migration does not start (`DB_SNAPSHOT_FAILED`).
 */
export function takePreMigrationSnapshot(request: PreMigrationCopyRequest): SnapshotResult {
  const now = request.now ?? new Date();
  const backupsDir = join(dirname(request.databasePath), 'backups');
  const stem = snapshotStem(request.databasePath);
  const file = freeName(backupsDir, stem, request.scope, request.nextMigrationId, compactUtcStamp(now));
  const target = join(backupsDir, file);
  const temporary = `${target}.partial`;
  try {
    ensureOwnerOnlyDir(backupsDir);
    removeAbandonedCopies(backupsDir, stem, request.scope);
    ensureOwnerOnlyFile(temporary); // VACUUM INTO accepts an empty file and keeps its mode
    request.copyInto(temporary);
    verifyIntegrity(temporary);
    const digest = digestFile(temporary);
    const manifest: SnapshotManifest = {
      kind: 'pre-migration',
      scope: request.scope,
      schemaVersion: request.schemaVersion,
      nextMigrationId: request.nextMigrationId,
      bytes: digest.bytes,
      sha256: digest.sha256,
      createdAt: formatUtcTimestamp(now),
      verified: true,
    };
    writeManifest(target, manifest);
    renameSync(temporary, target);
    const pruned = pruneSnapshots(backupsDir, stem, request.scope, file);
    return { file, manifest, pruned };
  } catch (error) {
    removeQuietly(temporary);
    removeQuietly(manifestPathOf(target));
    if (error instanceof DbError) throw error;
    throw new DbError(DbErrorCode.SNAPSHOT_FAILED, 'the pre-migration snapshot could not be written; nothing was migrated', {
      details: { scope: request.scope },
      cause: error,
    });
  }
}

/**
 * A process killed while writing a snapshot leaves its `.partial` copy behind. Snapshots are
 * written under the migration lock, so any partial copy of this stem and scope is abandoned.
 */
function removeAbandonedCopies(dir: string, stem: string, scope: string): void {
  for (const file of readdirSync(dir)) {
    if (file.endsWith('.db.partial') && parseSnapshotName(file.slice(0, -'.partial'.length), stem, scope)) {
      removeQuietly(join(dir, file));
    }
  }
}

function verifyIntegrity(file: string): void {
  let copy: Database.Database | undefined;
  try {
    copy = openSqliteConnection(file, { readonly: true, fileMustExist: true });
    const rows = copy.prepare(SNAPSHOT_SQL.integrityCheck).all() as { integrity_check: string }[];
    if (rows.length !== 1 || rows[0]?.integrity_check !== 'ok') {
      throw new DbError(DbErrorCode.SNAPSHOT_FAILED, 'the pre-migration snapshot failed its integrity check; nothing was migrated');
    }
  } finally {
    copy?.close();
  }
}

function freeName(dir: string, stem: string, scope: string, nextId: string, stamp: string): string {
  for (let counter = 1; ; counter++) {
    const name = snapshotFileName(stem, scope, nextId, stamp, counter);
    if (!existsSync(join(dir, name)) && !existsSync(join(dir, `${name}.partial`))) return name;
  }
}

/**
 * Keeps the newest SNAPSHOT_RETENTION snapshots of this stem and scope. The snapshot just
 * taken and the newest verified one are never deleted, whatever the clock says.
 */
export function pruneSnapshots(dir: string, stem: string, scope: string, justTaken: string): string[] {
  const snapshots = readdirSync(dir)
    .map((file) => parseSnapshotName(file, stem, scope))
    .filter((s): s is SnapshotName => s !== undefined)
    .sort(compareNewestFirst);
  const newestVerified = snapshots.find((s) => isVerified(join(dir, s.file)))?.file;
  const pruned: string[] = [];
  for (const snapshot of snapshots.slice(SNAPSHOT_RETENTION)) {
    if (snapshot.file === justTaken || snapshot.file === newestVerified) continue;
    rmSync(join(dir, snapshot.file), { force: true });
    rmSync(manifestPathOf(join(dir, snapshot.file)), { force: true });
    pruned.push(snapshot.file);
  }
  return pruned;
}

/**
 * Whether retention must spare a snapshot as the newest verified one. Deliberately looser than
 * `readManifest` + `checkAgainstManifest` of the backups module (no kind, scope or field-shape
 * check): a snapshot an older manifest format still vouches for must never be pruned for that.
 */
function isVerified(snapshotPath: string): boolean {
  try {
    const manifest = JSON.parse(readFileSync(manifestPathOf(snapshotPath), 'utf8')) as Partial<SnapshotManifest>;
    return manifest.verified === true && statSync(snapshotPath).size === manifest.bytes;
  } catch {
    return false;
  }
}
