import { existsSync, statSync } from 'node:fs';

export interface Fingerprint {
  readonly db: string;
  readonly wal: string;
}

/** Size and modification time of the database and its log: a writer changes one of them. */
export function fingerprint(path: string): Fingerprint {
  const of = (file: string): string => {
    if (!existsSync(file)) return 'absent';
    const stats = statSync(file);
    return `${stats.size}:${stats.mtimeMs}`;
  };
  return { db: of(path), wal: of(`${path}-wal`) };
}

export function sameFingerprint(a: Fingerprint, b: Fingerprint): boolean {
  return a.db === b.db && a.wal === b.wal;
}
