import { createHash } from 'node:crypto';
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseSnapshotName, snapshotStem } from '../snapshots/snapshot-names';

/** The folder beside a database that holds its backups and pre-migration snapshots. */
export const BACKUPS_DIR = 'backups';

export type CandidateKind = 'backup' | 'pre-migration';

/**
 * A copy in `backups/` that recovery may take rows from: a backup
 * (`<stem>-<scope>-backup-<stamp>[-n].db`) or a pre-migration snapshot
 * (`<stem>-<scope>-pre-<id>-<stamp>[-n].db`), each described by `<name>.json`.
 */
export interface BackupCandidate {
  /** File name inside `backups/`. */
  readonly file: string;
  readonly kind: CandidateKind;
  /** `YYYYMMDDTHHMMSSZ` from the name. */
  readonly stamp: string;
  readonly counter: number;
}

/** What a manifest must say for its copy to count. */
interface CandidateManifest {
  readonly kind?: unknown;
  readonly scope?: unknown;
  readonly bytes?: unknown;
  readonly sha256?: unknown;
  readonly createdAt?: unknown;
  readonly verified?: unknown;
  readonly schemaVersion?: unknown;
}

/** Why a candidate was not used. Stable words, shown in reports. */
export type CandidateRejection =
  | 'no-manifest'
  | 'not-verified'
  | 'other-scope'
  | 'size-mismatch'
  | 'sha256-mismatch'
  | 'integrity-failed'
  | 'newer-app'
  | 'unreadable';

export interface ManifestCheck {
  readonly ok: boolean;
  readonly rejection: CandidateRejection | null;
  readonly createdAt: string | null;
}

const BACKUP_NAME = /^(\d{8}T\d{6}Z)(?:-(\d+))?$/;

export function backupsDirOf(databasePath: string): string {
  return join(dirname(databasePath), BACKUPS_DIR);
}

/** Candidates of this database's stem and scope, newest first by the time in their names. */
export function listCandidates(databasePath: string, scope: string): BackupCandidate[] {
  const stem = snapshotStem(databasePath);
  let files: string[];
  try {
    files = readdirSync(backupsDirOf(databasePath));
  } catch {
    return [];
  }
  const candidates: BackupCandidate[] = [];
  for (const file of files) {
    const candidate = parseCandidate(file, stem, scope);
    if (candidate) candidates.push(candidate);
  }
  return candidates.sort((a, b) => (a.stamp !== b.stamp ? (a.stamp < b.stamp ? 1 : -1) : b.counter - a.counter));
}

function parseCandidate(file: string, stem: string, scope: string): BackupCandidate | undefined {
  const backupPrefix = `${stem}-${scope}-backup-`;
  if (file.startsWith(backupPrefix) && file.endsWith('.db')) {
    const match = BACKUP_NAME.exec(file.slice(backupPrefix.length, -'.db'.length));
    if (!match) return undefined;
    return { file, kind: 'backup', stamp: match[1] as string, counter: match[2] ? Number(match[2]) : 1 };
  }
  const snapshot = parseSnapshotName(file, stem, scope);
  return snapshot ? { file, kind: 'pre-migration', stamp: snapshot.stamp, counter: snapshot.counter } : undefined;
}

/**
 * The cheap half of verification: the manifest says the copy was verified when written, is of
 * this scope, and the file still has the size and the sha256 the manifest gives. The other half
 * (an integrity check) runs on a working copy, never on the file in `backups/`.
 */
export function checkManifest(databasePath: string, candidate: BackupCandidate, scope: string): ManifestCheck {
  const file = join(backupsDirOf(databasePath), candidate.file);
  let manifest: CandidateManifest;
  try {
    manifest = JSON.parse(readFileSync(`${file}.json`, 'utf8')) as CandidateManifest;
  } catch {
    return { ok: false, rejection: 'no-manifest', createdAt: null };
  }
  const createdAt = typeof manifest.createdAt === 'string' ? manifest.createdAt : null;
  const reject = (rejection: CandidateRejection): ManifestCheck => ({ ok: false, rejection, createdAt });
  if (typeof manifest !== 'object' || manifest === null || manifest.verified !== true) return reject('not-verified');
  if (manifest.scope !== scope) return reject('other-scope');
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    return reject('unreadable');
  }
  if (size !== manifest.bytes) return reject('size-mismatch');
  try {
    if (sha256OfFile(file) !== manifest.sha256) return reject('sha256-mismatch');
  } catch {
    return reject('unreadable');
  }
  return { ok: true, rejection: null, createdAt };
}

/** Hashes a file in chunks, so a large backup never needs its size in memory. */
export function sha256OfFile(file: string): string {
  const hash = createHash('sha256');
  const chunk = Buffer.allocUnsafe(1 << 20);
  const fd = openSync(file, 'r');
  try {
    for (;;) {
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      hash.update(chunk.subarray(0, read));
    }
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}
