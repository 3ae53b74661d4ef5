import { closeSync, fstatSync, linkSync, mkdirSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { resolveInside, OWNER_ONLY_DIR_MODE } from '@lepupitre/db-core';
import { fsyncDirectory, fsyncFilesConcurrently } from '@lepupitre/db-core/internals';
import { copyOpenedFile } from '../files/durable-copy';
import type { FileDigest } from '../files/file-digest';
import { openRegularFile } from '../files/open-regular-file';
import { removeQuietly } from '../files/remove-quietly';
import type { ArtifactRow } from './artifact-rows';
import { artifactsFolderOf, removeArtifactsFolder } from './artifacts-folder';
import { partialArtifactsFolderOf } from './backup-folder';
import type { BackupArtifacts } from './backup-manifest';
import { isDiskFull } from './disk-full';
import type { EarlierArtifacts } from './earlier-artifacts';

/** What a profile backup did with the artifact files of its copy, in counts (never a path or an id). */
export interface ArtifactBackupSummary {
  /** Files the backup holds: `linked` + `copied`. */
  readonly files: number;
  /** Hard-linked from the newest earlier backup: no new bytes. */
  readonly linked: number;
  /** Copied from the profile folder (or from the earlier backup where links are refused). */
  readonly copied: number;
  /** Bytes of the files held. */
  readonly bytes: number;
  /** Bytes of the files copied: what this backup added on disk for its files. */
  readonly newBytes: number;
  /** Rows of the copy whose file the backup does not hold: absent, or not the bytes the row describes. */
  readonly missing: number;
  /** Of those, the rows the live database no longer has: deleted after the copy's point in time. */
  readonly deletedSince: number;
}

export interface FilledArtifacts {
  /** The manifest's `artifacts`. */
  readonly manifest: BackupArtifacts;
  readonly summary: ArtifactBackupSummary;
}

export interface ArtifactsToBackUp {
  readonly backupsDir: string;
  /** File name of the backup being written (its copy is still partial). */
  readonly backupFile: string;
  /** The rows of the verified copy: exactly the files of its point in time. */
  readonly rows: readonly ArtifactRow[];
  /** The profile folder the live files are under (the database's folder). */
  readonly profileDir: string;
  readonly earlier: EarlierArtifacts | undefined;
  /** Whether the live database still has the row; asked only for a row whose file is missing. */
  readonly stillListed: (id: string) => boolean;
  /** Told before each row's file; a throw fails the backup (progress display, fault drills). */
  readonly beforeFile?: (id: string, done: number, total: number) => void;
}

/** Hand the event loop back at least this often, so the app keeps answering during a large backup. */
const YIELD_EVERY_FILES = 64;
const YIELD_EVERY_BYTES = 16 * 1024 * 1024;

type Outcome = 'linked' | 'copied' | 'missing';

/**
 * Fills `<backup file>.artifacts.partial/` with the file of every row of the copy, under its
 * `local_relpath`. For each row, in order:
 * 1. the newest earlier backup holds the same file (same row, same size): hard-link it, no new
 *    bytes. Artifacts are immutable, so the two backups can share one inode; deleting either
 *    backup later removes one name and leaves the other whole.
 * 2. else copy the live file from the profile folder, resolved inside it and opened without
 *    following links, hashing on the way: the copy counts only if its sha256 and size are the
 *    row's. Where the link was refused (another device, a file system without links, too many
 *    links), the file is copied the same way, from the earlier backup if the live one fails.
 * 3. else the row is missing: the backup still completes, since it is when files go wrong
 *    that a backup matters, and says which ones. A missing row whose live row is gone too was
 *    deleted after the copy's point in time (the app removes a file after its row's delete
 *    commits): it stays in `missing` (restoring the copy brings the row back without its file)
 *    and is also listed in `deletedSince`, so that nobody mistakes it for a file the live
 *    profile lost.
 * Files are owner-only; the copies are fsynced together at the end (one by one, the flushes
 * would dominate with thousands of small files), then every folder. Failures of the backup
 * side (full disk, unwritable folder) are thrown; the caller removes the folder. What the
 * source side does (unreadable, absent, other bytes) only ever makes a row missing.
 */
export async function fillArtifactsFolder(plan: ArtifactsToBackUp): Promise<FilledArtifacts> {
  const root = join(plan.backupsDir, partialArtifactsFolderOf(plan.backupFile));
  // The claimed backup name is ours: a folder under it can only be a dead process's leftover.
  removeArtifactsFolder(root);
  mkdirSync(root, { mode: OWNER_ONLY_DIR_MODE });
  const folders = new Set<string>([root]);
  const placed = new Map<string, ArtifactRow>();
  const copiedFiles: string[] = [];
  const missing: string[] = [];
  const deletedSince: string[] = [];
  let linked = 0;
  let copied = 0;
  let bytes = 0;
  let newBytes = 0;
  let sinceYield = { files: 0, bytes: 0 };
  for (const [index, row] of plan.rows.entries()) {
    plan.beforeFile?.(row.id, index, plan.rows.length);
    const outcome = backUpFile(row, root, plan, folders, placed, copiedFiles);
    if (outcome === 'missing') {
      missing.push(row.id);
      if (!stillListed(plan, row.id)) deletedSince.push(row.id);
    } else {
      bytes += row.bytes;
      if (outcome === 'linked') linked += 1;
      else {
        copied += 1;
        newBytes += row.bytes;
      }
    }
    sinceYield = { files: sinceYield.files + 1, bytes: sinceYield.bytes + (outcome === 'copied' ? row.bytes : 0) };
    if (sinceYield.files >= YIELD_EVERY_FILES || sinceYield.bytes >= YIELD_EVERY_BYTES) {
      sinceYield = { files: 0, bytes: 0 };
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
  // Copies are synced together, linked files were synced by the backup that wrote them; then
  // the folders, so that every name is durable before the manifest counts it.
  await fsyncFilesConcurrently(copiedFiles);
  for (const folder of folders) fsyncDirectory(folder);
  const count = linked + copied;
  return {
    manifest: { folder: artifactsFolderOf(plan.backupFile), count, bytes, newBytes, missing, deletedSince },
    summary: { files: count, linked, copied, bytes, newBytes, missing: missing.length, deletedSince: deletedSince.length },
  };
}

/**
 * Renames the filled folder into place, durably. Done after the manifest is written and just
 * before the copy is renamed: a crash in between leaves a folder without its backup, which the
 * next backup removes once it is old (`removeAbandonedPartials`), never a backup without files.
 */
export function placeArtifactsFolder(backupsDir: string, backupFile: string): void {
  renameSync(join(backupsDir, partialArtifactsFolderOf(backupFile)), join(backupsDir, artifactsFolderOf(backupFile)));
  fsyncDirectory(backupsDir);
}

/**
 * Removes the folder of a backup that failed: the partial one, and the placed one only when
 * this backup placed it (a folder under that name otherwise belongs to someone else).
 */
export function discardArtifactsFolder(backupsDir: string, backupFile: string, placed: boolean): void {
  removeArtifactsFolder(join(backupsDir, partialArtifactsFolderOf(backupFile)));
  if (placed) removeArtifactsFolder(join(backupsDir, artifactsFolderOf(backupFile)));
}

function backUpFile(
  row: ArtifactRow,
  root: string,
  plan: ArtifactsToBackUp,
  folders: Set<string>,
  placed: Map<string, ArtifactRow>,
  copiedFiles: string[],
): Outcome {
  if (row.sha256 === '' || row.bytes < 0) return 'missing';
  let target: string;
  try {
    target = resolveInside(root, row.localRelpath);
  } catch {
    return 'missing';
  }
  // Two rows naming one file (a legacy database may have them): one file serves both when
  // they describe the same bytes; otherwise the second cannot have its own.
  const already = placed.get(target);
  if (already) return already.sha256 === row.sha256 && already.bytes === row.bytes ? 'linked' : 'missing';
  makeFolders(dirname(target), root, folders);
  const earlier = plan.earlier?.fileFor(row);
  let outcome: Outcome = 'missing';
  if (earlier !== undefined && linkQuietly(earlier, target)) outcome = 'linked';
  else if (copyVerified(liveFileOf(row, plan.profileDir), target, row)) outcome = 'copied';
  else if (earlier !== undefined && copyVerified(earlier, target, row)) outcome = 'copied';
  if (outcome !== 'missing') placed.set(target, row);
  if (outcome === 'copied') copiedFiles.push(target);
  return outcome;
}

/** The live file of a row, resolved inside the profile folder; undefined for a path that leaves it. */
function liveFileOf(row: ArtifactRow, profileDir: string): string | undefined {
  try {
    return resolveInside(profileDir, row.localRelpath);
  } catch {
    return undefined;
  }
}

/** A hard link, or false when the file system refuses one (the caller copies instead). A full disk is thrown. */
function linkQuietly(existing: string, target: string): boolean {
  try {
    linkSync(existing, target);
    return true;
  } catch (error) {
    if (isDiskFull(error)) throw error;
    return false;
  }
}

/**
 * Copies `source` to `target` (not yet synced: the caller syncs every copy at the end) when it
 * is a regular file holding exactly the row's bytes, and leaves nothing at `target` otherwise. Failing to open or read the source makes it false;
 * failing to write the target is thrown.
 */
function copyVerified(source: string | undefined, target: string, row: ArtifactRow): boolean {
  if (source === undefined) return false;
  const input = openRegularFile(source);
  if (input === null) return false;
  try {
    if (fstatSync(input).size !== row.bytes) return false;
    let digest: FileDigest;
    try {
      digest = copyOpenedFile(input, target, { sync: false });
    } catch (error) {
      removeQuietly(target);
      if ((error as NodeJS.ErrnoException).syscall === 'read' && !isDiskFull(error)) return false;
      throw error;
    }
    if (digest.sha256 === row.sha256 && digest.bytes === row.bytes) return true;
    removeQuietly(target);
    return false;
  } finally {
    closeSync(input);
  }
}

/** Creates the folders from `root` down to `folder`, owner-only, remembering each to fsync it. */
function makeFolders(folder: string, root: string, folders: Set<string>): void {
  if (folders.has(folder)) return;
  mkdirSync(folder, { recursive: true, mode: OWNER_ONLY_DIR_MODE });
  for (let current = folder; current !== root && !folders.has(current); current = dirname(current)) folders.add(current);
}

/** A live database that cannot answer counts as still having the row: the missing file is then reported as lost, not explained away. */
function stillListed(plan: ArtifactsToBackUp, id: string): boolean {
  try {
    return plan.stillListed(id);
  } catch {
    return true;
  }
}
