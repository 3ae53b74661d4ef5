import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { checkAgainstManifest, manifestPathOf, readManifest } from './backup-manifest';
import { compareNewestFirst, parseBackupName, stampToDate, type BackupName } from './backup-names';
import { artifactsFolderOf, removeArtifactsFolder } from './artifacts-folder';

/**
 * Retention of backups taken by `backupDatabase`, per database stem and scope. A backup is kept
 * when any rule keeps it:
 * 1. it is one of the `newest` 5 backups;
 * 2. it is the newest backup of its UTC calendar day, for the `dailyDays` 7 days ending today
 *    (today and the 6 days before);
 * 3. it is the newest backup of its week (weeks start Monday 00:00 UTC), for the `weeklyWeeks`
 *    4 weeks ending this week (this week and the 3 before);
 * 4. it is the newest verified backup (manifest present, verified, size matching), whatever
 *    its age, so that retention can never leave a database without a restorable backup;
 * 5. it is the backup just taken.
 * Everything else of kind `backup` is deleted with its manifest and its artifacts folder (a
 * profile backup's files). Files a kept backup shares with a deleted one are hard links: the
 * kept backup's name for each stays, so it never loses a file; copies were its own anyway.
 * Nothing is followed: a link planted in the folder is removed, not its target.
 * Days and weeks are calendar buckets, not windows sliding with the clock: with sliding windows
 * the copy kept for "7 to 14 days ago" is replaced every day by a younger one and nothing ever
 * reaches the older buckets.
 * "Newest" is by the UTC time in the file name. Pre-migration snapshots have their own
 * retention (`pre-migration-retention.ts`) and are never touched here, nor are other stems'
 * and scopes' files.
 */
export const BACKUP_RETENTION = { newest: 5, dailyDays: 7, weeklyWeeks: 4 } as const;

export interface RetentionCandidate extends BackupName {
  readonly verified: boolean;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The names to delete, by the rules above. Pure: the folder and the clock come from the caller. */
export function backupsToPrune(candidates: readonly RetentionCandidate[], now: Date, justTaken: string | null): string[] {
  const backups = candidates.filter((c) => c.kind === 'backup').sort(compareNewestFirst);
  const keep = new Set<string>(backups.slice(0, BACKUP_RETENTION.newest).map((b) => b.file));
  const today = dayIndex(now);
  const thisWeek = weekIndex(today);
  const dayKept = new Set<number>();
  const weekKept = new Set<number>();
  for (const backup of backups) {
    const day = dayIndex(stampToDate(backup.stamp));
    const week = weekIndex(day);
    if (day <= today && day > today - BACKUP_RETENTION.dailyDays && !dayKept.has(day)) {
      dayKept.add(day);
      keep.add(backup.file);
    }
    if (week <= thisWeek && week > thisWeek - BACKUP_RETENTION.weeklyWeeks && !weekKept.has(week)) {
      weekKept.add(week);
      keep.add(backup.file);
    }
  }
  const newestVerified = backups.find((b) => b.verified);
  if (newestVerified) keep.add(newestVerified.file);
  if (justTaken) keep.add(justTaken);
  return backups.filter((b) => !keep.has(b.file)).map((b) => b.file);
}

/**
 * Applies the retention to a `backups/` folder and returns the deleted names. Verification here
 * checks manifests and sizes only: hashing every kept backup after each new one would cost as
 * much as the backups themselves.
 */
export function pruneBackups(dir: string, stem: string, scope: string, justTaken: string | null, now: Date): string[] {
  const candidates: RetentionCandidate[] = [];
  for (const file of readdirSync(dir)) {
    const name = parseBackupName(file, stem, scope);
    if (name?.kind !== 'backup') continue;
    const path = join(dir, file);
    const reading = readManifest(path, 'backup', scope);
    const verified = reading.manifest !== null && checkAgainstManifest(path, reading.manifest, false) === null;
    candidates.push({ ...name, verified });
  }
  const pruned = backupsToPrune(candidates, now, justTaken);
  for (const file of pruned) {
    // The copy first: once it is gone the backup no longer exists, and a crash before its
    // manifest or folder go leaves only leftovers that `removeAbandonedPartials` removes.
    rmSync(join(dir, file), { force: true });
    rmSync(manifestPathOf(join(dir, file)), { force: true });
    removeArtifactsFolder(join(dir, artifactsFolderOf(file)));
  }
  return pruned;
}

/** Days since 1970-01-01 UTC. */
function dayIndex(date: Date): number {
  return Math.floor(date.getTime() / DAY_MS);
}

/** Weeks since the Monday before 1970-01-01 (a Thursday): day 4 (1970-01-05) starts week 1. */
function weekIndex(day: number): number {
  return Math.floor((day + 3) / 7);
}
