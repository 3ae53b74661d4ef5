import { ArtifactErrorCode, DomainError, OWNER_ONLY_DIR_MODE, OWNER_ONLY_FILE_MODE, type DatabaseHandle } from '@lepupitre/db-core';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, realpathSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative } from 'node:path';
import { PackErrorCode } from './pack-errors';

/**
 * Writes the pack zip so that after a crash it is either absent or complete: a temporary name
 * beside it, fsync, rename, fsync of the folder. Each operation is reported as a step first, so
 * the fault harness can fail any of them. The folder must resolve inside the profile folder
 * (a symlinked `artifacts/packs` pointing elsewhere is refused). On failure it leaves nothing.
 */
export function writePackFileDurably(db: DatabaseHandle, profileDir: string, target: string, bytes: Uint8Array): void {
  const folder = dirname(target);
  const temporary = join(folder, `.${basename(target)}.${process.pid}.tmp`);
  const step = (detail: string): void => db.reportStep({ kind: 'file', detail: `pack ${detail}` });
  const failed = (error: unknown): DomainError =>
    new DomainError(PackErrorCode.WRITE_FAILED, PackErrorCode.WRITE_FAILED, { cause: error });
  try {
    step('mkdir');
    mkdirSync(folder, { recursive: true, mode: OWNER_ONLY_DIR_MODE });
  } catch (error) {
    throw failed(error);
  }
  const rel = relative(realpathSync(profileDir), realpathSync(folder));
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) throw new DomainError(ArtifactErrorCode.PATH_NOT_ALLOWED);
  // Never replaced: a compensation must only ever remove a file this write created.
  if (existsSync(target)) throw failed(new Error('the pack file already exists'));
  let renamed = false;
  try {
    step('write');
    const fd = openSync(temporary, 'wx', OWNER_ONLY_FILE_MODE);
    try {
      let offset = 0;
      while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    step('rename');
    renameSync(temporary, target);
    renamed = true;
    syncFolder(folder);
  } catch (error) {
    rmSync(temporary, { force: true });
    if (renamed) rmSync(target, { force: true });
    throw failed(error);
  }
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
