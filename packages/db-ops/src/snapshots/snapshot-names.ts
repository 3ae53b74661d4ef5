import { basename } from 'node:path';

/**
 * Pre-migration snapshot names, as the previous app wrote them:
 * `<stem>-<scope>-pre-<next migration id>-<YYYYMMDDTHHMMSSZ>[-<n>].db`.
 */
export interface SnapshotName {
  readonly file: string;
  readonly nextMigrationId: string;
  readonly stamp: string;
  readonly counter: number;
}

export function snapshotStem(databasePath: string): string {
  return basename(databasePath).replace(/\.db$/, '');
}

export function snapshotFileName(stem: string, scope: string, nextId: string, stamp: string, counter: number): string {
  return `${stem}-${scope}-pre-${nextId}-${stamp}${counter > 1 ? `-${counter}` : ''}.db`;
}

export function parseSnapshotName(file: string, stem: string, scope: string): SnapshotName | undefined {
  const prefix = `${stem}-${scope}-pre-`;
  if (!file.startsWith(prefix) || !file.endsWith('.db')) return undefined;
  const match = /^(.+)-(\d{8}T\d{6}Z)(?:-(\d+))?$/.exec(file.slice(prefix.length, -'.db'.length));
  if (!match) return undefined;
  return {
    file,
    nextMigrationId: match[1] as string,
    stamp: match[2] as string,
    counter: match[3] ? Number(match[3]) : 1,
  };
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
