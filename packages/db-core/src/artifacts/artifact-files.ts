import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, realpathSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { OWNER_ONLY_DIR_MODE, OWNER_ONLY_FILE_MODE } from '../connection/owner-only-files';
import { DomainError } from '../errors/domain-error';

export const ArtifactErrorCode = {
  NOT_FOUND: 'artifact_not_found',
  PATH_NOT_ALLOWED: 'artifact_path_not_allowed',
  WRITE_FAILED: 'artifact_write_failed',
  READ_FAILED: 'artifact_read_failed',
} as const;

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

/**
 * Writes a file so that after a crash it is either absent or complete: a temporary name in the
 * same folder, fsync, rename, fsync of the folder. `step` is told before each operation, so a
 * fault harness can fail any of them.
 */
export function writeFileDurably(target: string, bytes: Uint8Array, step: (detail: string) => void): void {
  const folder = dirname(target);
  const temporary = join(folder, `.${randomBytes(6).toString('hex')}.tmp`);
  step('mkdir');
  mkdirSync(folder, { recursive: true, mode: OWNER_ONLY_DIR_MODE });
  step('write');
  const fd = openSync(temporary, 'wx', OWNER_ONLY_FILE_MODE);
  try {
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temporary, { force: true });
    throw error;
  }
  closeSync(fd);
  try {
    step('rename');
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  syncFolder(folder);
}

function syncFolder(folder: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(folder, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
