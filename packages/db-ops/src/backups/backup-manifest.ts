import { lstatSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { OWNER_ONLY_FILE_MODE } from '@lepupitre/db-core';
import { fsyncFile } from '@lepupitre/db-core/internals';
import type { BackupKind } from './backup-names';
import { digestFile } from '../files/file-digest';
import { removeQuietly } from '../files/remove-quietly';

/** What `<backup>.json` says of a backup taken by `backupDatabase`. */
export interface BackupManifest {
  readonly kind: 'backup';
  readonly scope: string;
  /** Latest applied migration id of the copy, or null for a legacy (untracked) database. */
  readonly schemaVersion: string | null;
  readonly bytes: number;
  readonly sha256: string;
  readonly createdAt: string;
  readonly verified: true;
  /**
   * Rows of the copy that refer to missing rows, as the database held them (an older app
   * version wrote some profiles with foreign keys off). Absent in manifests written before it
   * was counted.
   */
  readonly foreignKeyViolations?: number;
  /**
   * Profile backups: the artifact files the copy's `artifacts` rows refer to, kept in a folder
   * beside the copy. Absent on global backups and on backups written before files travelled.
   */
  readonly artifacts?: BackupArtifacts;
}

/**
 * The artifact files of a profile backup. They sit in `folder` (inside `backups/`, named after
 * the copy: `<backup file>.artifacts`) under their `local_relpath`, so the copy's own rows list
 * them with their sha256 and size. Artifacts never change once written, so a file an earlier
 * backup already holds is hard-linked from it rather than copied (copied where links fail).
 */
export interface BackupArtifacts {
  readonly folder: string;
  /** Rows of the copy whose file is in the folder, each verified against the row's sha256 and size. */
  readonly count: number;
  /** Bytes of those files. */
  readonly bytes: number;
  /** Bytes this backup added on disk: files copied, not linked from an earlier backup. */
  readonly newBytes: number;
  /** Artifact ids whose file could not be backed up: absent, or not the bytes its row describes. */
  readonly missing: readonly string[];
  /**
   * Those of `missing` whose row the live database no longer had when the file was found
   * missing: deleted after the copy's point in time (the app removes a file once its row's
   * delete commits), not lost. Written by every profile backup; absent from older manifests.
   */
  readonly deletedSince?: readonly string[];
}

/** What a pre-migration snapshot's manifest says: written before a migration, always verified. */
export interface SnapshotManifest {
  readonly kind: 'pre-migration';
  readonly scope: string;
  /** Latest applied migration id of the copied database, or null for a legacy file. */
  readonly schemaVersion: string | null;
  readonly nextMigrationId: string;
  readonly bytes: number;
  readonly sha256: string;
  readonly createdAt: string;
  readonly verified: true;
}

export type AnyBackupManifest = BackupManifest | SnapshotManifest;

/**
 * Why a copy does not count as verified. A copy counts only when its manifest says it was
 * verified when written and the file is still exactly what the manifest describes.
 */
export type VerificationProblem =
  | 'manifest-missing'
  | 'manifest-unreadable'
  | 'manifest-mismatch'
  | 'size-mismatch'
  | 'sha256-mismatch'
  | 'copy-unreadable';

export type ManifestReading =
  | { readonly manifest: AnyBackupManifest; readonly problem: null }
  | { readonly manifest: null; readonly problem: VerificationProblem };

export function manifestPathOf(backupPath: string): string {
  return `${backupPath}.json`;
}

/**
 * Reads the manifest of a copy of the given kind and scope. A manifest of another kind or
 * scope, or one that does not claim verification, is a mismatch: it describes something else.
 */
export function readManifest(backupPath: string, kind: BackupKind, scope: string): ManifestReading {
  let text: string;
  try {
    // A manifest is read only from a regular file: a link could make any file on the machine
    // speak for a backup.
    if (!lstatSync(manifestPathOf(backupPath)).isFile()) return { manifest: null, problem: 'manifest-unreadable' };
    text = readFileSync(manifestPathOf(backupPath), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { manifest: null, problem: code === 'ENOENT' ? 'manifest-missing' : 'manifest-unreadable' };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { manifest: null, problem: 'manifest-unreadable' };
  }
  if (!isManifest(parsed)) return { manifest: null, problem: 'manifest-unreadable' };
  if (parsed.kind !== kind || parsed.scope !== scope || parsed.verified !== true) return { manifest: null, problem: 'manifest-mismatch' };
  return { manifest: parsed, problem: null };
}

/**
 * Compares a copy with its manifest: the size always, the sha256 when `content` is asked for
 * (it reads the whole file; retention, which runs after every backup, checks sizes only).
 */
export function checkAgainstManifest(backupPath: string, manifest: AnyBackupManifest, content: boolean): VerificationProblem | null {
  let digest;
  try {
    digest = content ? digestFile(backupPath) : { bytes: sizeOf(backupPath), sha256: manifest.sha256 };
  } catch {
    return 'copy-unreadable';
  }
  if (digest.bytes !== manifest.bytes) return 'size-mismatch';
  if (digest.sha256 !== manifest.sha256) return 'sha256-mismatch';
  return null;
}

/**
 * Writes a manifest owner-only and durably, under a temporary name first: a crash leaves the
 * old manifest or the new one, never half of one. Backups and pre-migration snapshots both
 * write theirs here, so a manifest that `readManifest` and recovery check was always fsynced.
 */
export function writeManifest(backupPath: string, manifest: AnyBackupManifest): void {
  const target = manifestPathOf(backupPath);
  const temporary = `${target}.partial`;
  try {
    writeFileSync(temporary, JSON.stringify(manifest, null, 2) + '\n', { mode: OWNER_ONLY_FILE_MODE, flag: 'w' });
    fsyncFile(temporary);
    renameSync(temporary, target);
  } catch (error) {
    removeQuietly(temporary);
    throw error;
  }
}

/** A missing file reads as a size mismatch, not as an exception. */
function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return -1;
  }
}

function isManifest(value: unknown): value is AnyBackupManifest {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  return (
    (m['kind'] === 'backup' || m['kind'] === 'pre-migration') &&
    typeof m['scope'] === 'string' &&
    (m['schemaVersion'] === null || typeof m['schemaVersion'] === 'string') &&
    typeof m['bytes'] === 'number' &&
    typeof m['sha256'] === 'string' &&
    /^[0-9a-f]{64}$/.test(m['sha256']) &&
    typeof m['createdAt'] === 'string' &&
    typeof m['verified'] === 'boolean'
  );
}
