import { readdirSync, type Dirent } from 'node:fs';
import { join } from 'node:path';

/** The folder under a profile folder that holds every artifact file, one sub-folder per type. */
export const ARTIFACTS_DIR = 'artifacts';

/**
 * Where the open-time sweep sets aside complete files that no row refers to (see
 * `artifact-sweep.ts`): beside `artifacts/`, never read by the app, never emptied by it.
 */
export const ORPHANED_DIR = 'orphaned';

/**
 * What lies under `artifacts/`, as the sweep and the audit see it:
 * - `file`: a regular file, which a row should name;
 * - `temporary`: a `.<hex>.tmp` file of `writeFileDurably` that was never renamed (its writer died);
 * - `other`: anything that is neither a regular file nor a folder (a symlink, a FIFO): never an
 *   artifact, since the store only ever renames regular files into place.
 */
export type ArtifactFolderEntryKind = 'file' | 'temporary' | 'other';

export interface ArtifactFolderEntry {
  /** Relative to the profile folder, forward slashes: the form of `artifacts.local_relpath`. */
  readonly relpath: string;
  readonly kind: ArtifactFolderEntryKind;
}

const TEMPORARY_NAME = /^\.[0-9a-f]+\.tmp$/;

/** True for the temporary names `writeFileDurably` writes before its rename. */
export function isTemporaryArtifactName(name: string): boolean {
  return TEMPORARY_NAME.test(name);
}

/**
 * Every entry under `<profileDir>/artifacts/`, recursively, without following links: a
 * symlinked folder is reported as `other`, never walked. Types come from the folder listing
 * itself (no `stat` per file): every open of a profile walks this folder, and on 10,000
 * recordings a `stat` each was most of its cost. Sorted by relpath, so reports are stable. An
 * absent folder is an empty list.
 */
export function listArtifactFolder(profileDir: string): ArtifactFolderEntry[] {
  const entries: ArtifactFolderEntry[] = [];
  walk(join(profileDir, ARTIFACTS_DIR), ARTIFACTS_DIR, entries);
  return entries.sort((a, b) => (a.relpath < b.relpath ? -1 : a.relpath > b.relpath ? 1 : 0));
}

function walk(dir: string, rel: string, into: ArtifactFolderEntry[]): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  for (const entry of entries) {
    const relpath = `${rel}/${entry.name}`;
    if (entry.isDirectory()) walk(join(dir, entry.name), relpath, into);
    else if (entry.isFile()) into.push({ relpath, kind: isTemporaryArtifactName(entry.name) ? 'temporary' : 'file' });
    else into.push({ relpath, kind: 'other' });
  }
}
