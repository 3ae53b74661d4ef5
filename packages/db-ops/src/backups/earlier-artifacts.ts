import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { resolveInside } from '@lepupitre/db-core';
import { checkAgainstManifest, readManifest } from './backup-manifest';
import { backupNamesIn } from './backup-names';
import { readArtifactRows, type ArtifactRow } from './artifact-rows';
import { artifactsFolderOf, manifestArtifactsOf } from './artifacts-folder';

/**
 * The artifact files of the newest earlier backup of a database, which a new backup hard-links
 * instead of copying: artifacts never change once written, so a file the earlier backup holds
 * with the same row (relpath, sha256, size) is the very file the new one needs.
 */
export interface EarlierArtifacts {
  /** File name of that backup, inside `backups/`. */
  readonly backup: string;
  /** The file to link for this row, when the earlier backup holds it; undefined otherwise. */
  fileFor(row: ArtifactRow): string | undefined;
}

/**
 * The newest backup (kind `backup`, this stem and scope, `exclude` aside) whose manifest lists
 * artifacts and whose copy still has its manifest's size, so that its own rows say what each
 * of its files holds. A file is offered for a row only when the earlier copy has a row with
 * the same id, relpath, sha256 and size, its id is not among that backup's missing ones, and
 * the file is a regular file (never a link) of that size. Undefined when there is none:
 * everything is then copied. An earlier backup that cannot be read is passed over for the next.
 */
export function findEarlierArtifacts(dir: string, stem: string, scope: string, exclude: string): EarlierArtifacts | undefined {
  let files: string[];
  try {
    files = readdirSync(dir);
  } catch {
    return undefined;
  }
  for (const name of backupNamesIn(dir, files, stem, scope)) {
    if (name.kind !== 'backup' || name.file === exclude) continue;
    const path = join(dir, name.file);
    const reading = readManifest(path, 'backup', scope);
    if (!reading.manifest || checkAgainstManifest(path, reading.manifest, false) !== null) continue;
    const artifacts = manifestArtifactsOf(reading.manifest, name.file);
    if (!artifacts) continue;
    let rows: ArtifactRow[];
    try {
      rows = readArtifactRows(path);
    } catch {
      continue;
    }
    return earlierArtifacts(name.file, join(dir, artifactsFolderOf(name.file)), rows, new Set(artifacts.missing));
  }
  return undefined;
}

function earlierArtifacts(backup: string, folder: string, rows: readonly ArtifactRow[], missing: ReadonlySet<string>): EarlierArtifacts {
  const held = new Map(rows.filter((row) => !missing.has(row.id)).map((row) => [row.id, row]));
  return {
    backup,
    fileFor(row) {
      const earlier = held.get(row.id);
      if (!earlier || earlier.localRelpath !== row.localRelpath || earlier.sha256 !== row.sha256 || earlier.bytes !== row.bytes || row.sha256 === '' || row.bytes < 0) {
        return undefined;
      }
      try {
        const path = resolveInside(folder, row.localRelpath);
        const stats = lstatSync(path);
        return stats.isFile() && stats.size === row.bytes ? path : undefined;
      } catch {
        return undefined;
      }
    },
  };
}
