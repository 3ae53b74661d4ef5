import { copyPrefix, copyPrefixes } from './copy-prefix';

/**
 * Pre-migration snapshot names: `<prefix>-pre-<next migration id>-<YYYYMMDDTHHMMSSZ>[-<n>].db`,
 * `<prefix>` as `copyPrefix` gives it; the previous app's `<stem>-<scope>-pre-…` is still read.
 */
export interface SnapshotName {
  readonly file: string;
  readonly nextMigrationId: string;
  readonly stamp: string;
  readonly counter: number;
}

export function snapshotFileName(stem: string, scope: string, nextId: string, stamp: string, counter: number): string {
  return `${copyPrefix(stem, scope)}-pre-${nextId}-${stamp}${counter > 1 ? `-${counter}` : ''}.db`;
}

export function parseSnapshotName(file: string, stem: string, scope: string): SnapshotName | undefined {
  const prefix = copyPrefixes(stem, scope)
    .map((start) => `${start}-pre-`)
    .find((start) => file.startsWith(start));
  if (prefix === undefined || !file.endsWith('.db')) return undefined;
  const match = /^(.+)-(\d{8}T\d{6}Z)(?:-(\d+))?$/.exec(file.slice(prefix.length, -'.db'.length));
  if (!match) return undefined;
  return {
    file,
    nextMigrationId: match[1] as string,
    stamp: match[2] as string,
    counter: match[3] ? Number(match[3]) : 1,
  };
}
