import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { OWNER_ONLY_DIR_MODE, OWNER_ONLY_FILE_MODE } from '../connection/owner-only-files';
import { fsyncDirectory } from './fsync';

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
  fsyncDirectory(folder);
}
