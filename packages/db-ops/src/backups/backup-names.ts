import { lstatSync } from 'node:fs';
import { basename, join } from 'node:path';
import { copyPrefix, copyPrefixes } from './copy-prefix';
import { parseSnapshotName } from './pre-migration-names';

/**
 * The two kinds of copies kept in `backups/` beside a database, told apart by their names
 * (`<prefix>` is `copyPrefix`: `profile` for `profile.db`, earlier `profile-profile`):
 * - `<prefix>-backup-<YYYYMMDDTHHMMSSZ>[-<n>].db`: a backup taken on demand or on a
 *   schedule (this module);
 * - `<prefix>-pre-<next migration id>-<YYYYMMDDTHHMMSSZ>[-<n>].db`: the pre-migration
 *   snapshot taken by `openDatabase` (`pre-migration-snapshot.ts`).
 * Both carry a `<name>.json` manifest and both can be restored.
 */
export type BackupKind = 'backup' | 'pre-migration';

export interface BackupName {
  readonly file: string;
  readonly kind: BackupKind;
  /** UTC time in the name, `YYYYMMDDTHHMMSSZ`. */
  readonly stamp: string;
  /** 1 for the first copy of a second, then 2, 3, ... */
  readonly counter: number;
}

const STAMP = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/**
 * What every name a database gives files in `backups/`, `replaced/` and `corrupted/` starts
 * with: its file name without `.db` (`profile` for `profile.db`).
 */
export function databaseStem(databasePath: string): string {
  return basename(databasePath).replace(/\.db$/, '');
}

/** What orders copies in `backups/`: the UTC time in the name, then the counter within that second. */
export interface StampedName {
  readonly stamp: string;
  readonly counter: number;
}

/**
 * Newest first, by the time in the name and then the counter. The previous app sorted by the
 * whole name, which puts `pre-0008` above a later `pre-0002` taken after a restore to an older
 * state, and could then delete the snapshot it had just taken. Backups, snapshots and
 * recovery's candidates all sort with this one order, so they never disagree on "newest".
 */
export function compareNewestFirst(a: StampedName, b: StampedName): number {
  if (a.stamp !== b.stamp) return a.stamp < b.stamp ? 1 : -1;
  return b.counter - a.counter;
}

export function backupFileName(stem: string, scope: string, stamp: string, counter: number): string {
  return `${copyPrefix(stem, scope)}-backup-${stamp}${counter > 1 ? `-${counter}` : ''}.db`;
}

/** The backup or snapshot of this stem and scope that the name designates, if it is one. */
export function parseBackupName(file: string, stem: string, scope: string): BackupName | undefined {
  const prefix = copyPrefixes(stem, scope)
    .map((start) => `${start}-backup-`)
    .find((start) => file.startsWith(start));
  if (prefix !== undefined && file.endsWith('.db')) {
    const match = /^(\d{8}T\d{6}Z)(?:-(\d+))?$/.exec(file.slice(prefix.length, -'.db'.length));
    if (!match || !stampIsValid(match[1] as string)) return undefined;
    return { file, kind: 'backup', stamp: match[1] as string, counter: match[2] ? Number(match[2]) : 1 };
  }
  const snapshot = parseSnapshotName(file, stem, scope);
  if (!snapshot || !stampIsValid(snapshot.stamp)) return undefined;
  return { file, kind: 'pre-migration', stamp: snapshot.stamp, counter: snapshot.counter };
}

/**
 * The backups and snapshots of this stem and scope among the names of `dir`, newest first. Files
 * of other stems and scopes, partial copies and anything else are left out, and only regular
 * files count (`lstat`): a symbolic link named like a backup would make a listing, a recovery or
 * a restore read whatever it points to, anywhere on the machine. Reading the folder is the
 * caller's: listing and recovery answer an unreadable folder differently.
 */
export function backupNamesIn(dir: string, files: readonly string[], stem: string, scope: string): BackupName[] {
  return files
    .map((file) => parseBackupName(file, stem, scope))
    .filter((name): name is BackupName => name !== undefined && isRegularFile(join(dir, name.file)))
    .sort(compareNewestFirst);
}

function isRegularFile(path: string): boolean {
  try {
    return lstatSync(path).isFile();
  } catch {
    return false;
  }
}

export function stampToDate(stamp: string): Date {
  const [, y, mo, d, h, mi, s] = (STAMP.exec(stamp) ?? []).map(Number);
  return new Date(Date.UTC(y as number, (mo as number) - 1, d, h, mi, s));
}

function stampIsValid(stamp: string): boolean {
  return STAMP.test(stamp) && !Number.isNaN(stampToDate(stamp).getTime());
}
