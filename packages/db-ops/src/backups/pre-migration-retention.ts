import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { manifestPathOf, type SnapshotManifest } from './backup-manifest';
import { compareNewestFirst } from './backup-names';
import { parseSnapshotName, type SnapshotName } from './pre-migration-names';

/** Snapshots kept per database stem and scope, as the previous app did. */
export const SNAPSHOT_RETENTION = 5;

/**
 * Keeps the newest SNAPSHOT_RETENTION snapshots of this stem and scope. The snapshot just
 * taken and the newest verified one are never deleted, whatever the clock says. Backups of kind
 * `backup` have their own tiered retention (`backup-retention.ts`) and are never touched here.
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
 * `readManifest` + `checkAgainstManifest` (no kind, scope or field-shape check): a snapshot an
 * older manifest format still vouches for must never be pruned for that.
 */
function isVerified(snapshotPath: string): boolean {
  try {
    const manifest = JSON.parse(readFileSync(manifestPathOf(snapshotPath), 'utf8')) as Partial<SnapshotManifest>;
    return manifest.verified === true && statSync(snapshotPath).size === manifest.bytes;
  } catch {
    return false;
  }
}
