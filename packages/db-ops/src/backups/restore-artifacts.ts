import { closeSync, fstatSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { resolveInside, OWNER_ONLY_DIR_MODE, entryExists } from '@lepupitre/db-core';
import { ARTIFACTS_DIR, listArtifactFolder, fsyncDirectory } from '@lepupitre/db-core/internals';
import { copyOpenedFileDurably } from '../files/durable-copy';
import { digestWhileCopying } from '../files/file-digest';
import type { SwapMove, SwapPlace } from '../swaps/file-swap';
import { openRegularFile } from '../files/open-regular-file';
import { removeQuietly } from '../files/remove-quietly';
import { readArtifactRows, type ArtifactRow } from './artifact-rows';

/** What a restore does to the artifact files, in counts (ids only for what it could not do). */
export interface ArtifactRestoreSummary {
  /** Files the restored rows name that were copied back from the backup. */
  readonly restored: number;
  /** Files already in place with the bytes their row describes: left untouched. */
  readonly kept: number;
  /** Files in `artifacts/` that no restored row names (newer artifacts, leftovers): moved to `replaced/`. */
  readonly setAside: number;
  /** Restored rows whose file neither the folder nor the backup holds as described. */
  readonly unrestorable: readonly string[];
}

export interface ArtifactRestorePlan extends ArtifactRestoreSummary {
  readonly moves: readonly SwapMove[];
  readonly places: readonly SwapPlace[];
}

export interface ArtifactStaging {
  /** The profile folder (the swap's root). */
  readonly root: string;
  /** The database copy about to be restored: its rows say which files must be there. */
  readonly copyPath: string;
  /** `<backups>/<backup>.artifacts`, or null for a backup that carries no files. */
  readonly backupFilesDir: string | null;
  /** Relative to root: where files copied from the backup wait for the swap. */
  readonly stagingDir: string;
  /** Relative to root: where the files the restore replaces go (`replaced/<base>.artifacts`). */
  readonly replacedDir: string;
  /** Told before each file is looked at (fault drills; progress). */
  readonly onFile?: () => void;
}

/**
 * Stages the artifact half of a restore without touching the live folder: for each row of the
 * restored copy, a live file with the row's size and sha256 stays; otherwise the backup's copy
 * is copied into the staging folder (and must hash to the row) and the live file, if any, is
 * planned to move to `replaced/`. Files of `artifacts/` that no restored row names are planned
 * to move to `replaced/` too, so that after the swap the folder holds exactly the restored
 * rows' files. Nothing is ever deleted: everything the restore displaces stays under `replaced/`.
 */
export function stageArtifacts(staging: ArtifactStaging): ArtifactRestorePlan {
  const rows = readArtifactRows(staging.copyPath);
  const moves: SwapMove[] = [];
  const places: SwapPlace[] = [];
  const unrestorable: string[] = [];
  const named = new Set<string>();
  const stagedDirs = new Set<string>();
  let restored = 0;
  let kept = 0;
  for (const row of rows) {
    staging.onFile?.();
    if (!isArtifactPath(staging.root, row.localRelpath) || named.has(row.localRelpath)) {
      unrestorable.push(row.id);
      continue;
    }
    named.add(row.localRelpath);
    const live = join(staging.root, row.localRelpath);
    if (matches(live, row)) {
      kept += 1;
      continue;
    }
    const staged = `${staging.stagingDir}/${row.localRelpath}`;
    if (staging.backupFilesDir === null || !copyMatching(join(staging.backupFilesDir, row.localRelpath), join(staging.root, staged), row)) {
      unrestorable.push(row.id);
      continue;
    }
    stagedDirs.add(dirname(join(staging.root, staged)));
    if (entryExists(live)) moves.push({ from: row.localRelpath, to: `${staging.replacedDir}/${row.localRelpath}`, how: 'rename' });
    places.push({ from: staged, to: row.localRelpath });
    restored += 1;
  }
  // The swap's journal trusts that every staged file is there: their names must be as durable
  // as their bytes before it is written.
  for (const dir of stagedDirs) fsyncDirectory(dir);
  let setAside = 0;
  for (const entry of listArtifactFolder(staging.root)) {
    if (named.has(entry.relpath)) continue;
    moves.push({ from: entry.relpath, to: `${staging.replacedDir}/${entry.relpath}`, how: 'rename' });
    setAside += 1;
  }
  return { moves, places, restored, kept, setAside, unrestorable };
}

/** A row's path must name a file under `artifacts/` inside the profile folder; anything else is not restored. */
function isArtifactPath(root: string, relpath: string): boolean {
  if (!relpath.startsWith(`${ARTIFACTS_DIR}/`) || relpath.includes('\\')) return false;
  try {
    resolveInside(root, relpath);
    return true;
  } catch {
    return false;
  }
}

/** True when the file is a regular file with exactly the row's bytes (size first: cheap). */
function matches(path: string, row: ArtifactRow): boolean {
  const fd = openRegularFile(path);
  if (fd === null) return false;
  try {
    if (fstatSync(fd).size !== row.bytes) return false;
    const digest = digestWhileCopying(fd, undefined);
    return digest.bytes === row.bytes && digest.sha256 === row.sha256;
  } catch {
    return false;
  } finally {
    closeSync(fd);
  }
}

/** Copies a backup's file into staging; false (and nothing left) unless it hashes to the row. */
function copyMatching(source: string, target: string, row: ArtifactRow): boolean {
  const fd = openRegularFile(source);
  if (fd === null) return false;
  try {
    mkdirSync(dirname(target), { recursive: true, mode: OWNER_ONLY_DIR_MODE });
    const digest = copyOpenedFileDurably(fd, target);
    if (digest.bytes === row.bytes && digest.sha256 === row.sha256) return true;
    removeQuietly(target);
    return false;
  } finally {
    closeSync(fd);
  }
}
