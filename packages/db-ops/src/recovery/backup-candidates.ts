import { lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { backupLocationOf } from '../backups/backup-folder';
import { manifestPathOf } from '../backups/backup-manifest';
import { backupNamesIn, type BackupKind, type BackupName } from '../backups/backup-names';
import { digestFile } from '../files/file-digest';

export type CandidateKind = BackupKind;

/**
 * A copy in `backups/` that recovery may take rows from: a backup
 * (`<stem>-<scope>-backup-<stamp>[-n].db`) or a pre-migration snapshot
 * (`<stem>-<scope>-pre-<id>-<stamp>[-n].db`), each described by `<name>.json`. Named and
 * ordered exactly as `listBackups` names and orders them (`backups/backup-names`).
 */
export type BackupCandidate = BackupName;

/**
 * What a manifest must say for its copy to count. Looser than `readManifest` of the backups
 * module on purpose: recovery takes rows from any copy whose bytes are still exactly what a
 * verified manifest of this scope describes, whatever else the manifest lacks, and reports its
 * own stable rejection words (`CandidateRejection`), which recovery reports already show.
 */
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

export function backupsDirOf(databasePath: string): string {
  return backupLocationOf(databasePath).dir;
}

/**
 * Candidates of this database's stem and scope, newest first by the time in their names. An
 * unreadable or missing folder means no candidates: recovery goes on without backups rather
 * than failing (`listBackups`, which an operator asked for, reports it instead).
 */
export function listCandidates(databasePath: string, scope: string): BackupCandidate[] {
  const location = backupLocationOf(databasePath);
  let files: string[];
  try {
    files = readdirSync(location.dir);
  } catch {
    return [];
  }
  return backupNamesIn(location.dir, files, location.stem, scope);
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
    if (!lstatSync(manifestPathOf(file)).isFile()) return { ok: false, rejection: 'no-manifest', createdAt: null };
    manifest = JSON.parse(readFileSync(manifestPathOf(file), 'utf8')) as CandidateManifest;
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
    if (digestFile(file).sha256 !== manifest.sha256) return reject('sha256-mismatch');
  } catch {
    return reject('unreadable');
  }
  return { ok: true, rejection: null, createdAt };
}
