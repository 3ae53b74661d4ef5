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
