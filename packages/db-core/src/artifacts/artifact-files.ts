import { existsSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { DomainError } from '@lepupitre/domain-primitives';

export const ArtifactErrorCode = {
  NOT_FOUND: 'artifact_not_found',
  PATH_NOT_ALLOWED: 'artifact_path_not_allowed',
  WRITE_FAILED: 'artifact_write_failed',
  READ_FAILED: 'artifact_read_failed',
} as const;

/**
 * An artifact id that names no artifact, in every context. The message keeps the previous app's
 * `artifact_lookup:` prefix, the text its UI displayed for this case; the code is the store's.
 */
export function artifactNotFound(): DomainError {
  return new DomainError(ArtifactErrorCode.NOT_FOUND, 'artifact_lookup: no artifact has this id');
}

/**
 * Resolves a stored relative path inside the profile folder, refusing anything that escapes it
 * (`..`, absolute paths, a symlinked folder pointing elsewhere). A path read from the database
 * is data, and data can be hostile (an imported pack, a restored file).
 */
export function resolveInside(root: string, relpath: string): string {
  if (relpath === '' || isAbsolute(relpath) || relpath.includes('\0')) {
    throw new DomainError(ArtifactErrorCode.PATH_NOT_ALLOWED);
  }
  const target = resolve(root, relpath);
  if (!isWithin(root, target)) throw new DomainError(ArtifactErrorCode.PATH_NOT_ALLOWED);
  // The nearest part of the path that exists must really be inside too: a symlinked folder
  // (artifacts/<type> pointing elsewhere) would otherwise carry new files out of the profile.
  if (!existsSync(root)) return target;
  let existing = target;
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  const realRoot = realpathSync(root);
  const realExisting = realpathSync(existing);
  if (realExisting !== realRoot && !isWithin(realRoot, realExisting)) {
    throw new DomainError(ArtifactErrorCode.PATH_NOT_ALLOWED);
  }
  return target;
}

function isWithin(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) && !rel.split(sep).includes('..');
}
