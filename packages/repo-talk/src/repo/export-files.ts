import { DomainError, OWNER_ONLY_DIR_MODE, OWNER_ONLY_FILE_MODE, type DatabaseHandle } from '@lepupitre/db-core';
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Export file names are ids: nothing that could climb out of the export folder. */
const SAFE_NAME = /^[A-Za-z0-9_-]+$/;

/**
 * Writes an export (a file the user takes away, with no artifact row) under
 * `<profile dir>/exports/<kind>/<name>.<ext>` and returns its absolute path.
 *
 * An export overwrites the previous one of the same name, so the write goes to a temporary
 * name in the same folder, is synced, then renamed over the old file: a crash or a failure at
 * any step leaves either the previous export or the new one, never a truncated file, and no
 * temporary file. Each operation is reported as a step so a fault harness can fail it.
 */
export function writeExportFile(
  db: DatabaseHandle,
  profileDir: string,
  kind: string,
  name: string,
  ext: string,
  content: string,
): string {
  if (!SAFE_NAME.test(name) || !SAFE_NAME.test(kind) || !SAFE_NAME.test(ext)) {
    throw new DomainError('export_path_not_allowed');
  }
  const folder = resolve(profileDir, 'exports', kind);
  const target = join(folder, `${name}.${ext}`);
  const temporary = join(folder, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    db.reportStep({ kind: 'file', detail: `export mkdir ${kind}` });
    mkdirSync(folder, { recursive: true, mode: OWNER_ONLY_DIR_MODE });
  } catch (error) {
    throw new DomainError('export_dir_failed', 'the export folder could not be created', { cause: error });
  }
  try {
    db.reportStep({ kind: 'file', detail: `export write ${kind}` });
    const fd = openSync(temporary, 'wx', OWNER_ONLY_FILE_MODE);
    try {
      const bytes = Buffer.from(content, 'utf8');
      let offset = 0;
      while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    db.reportStep({ kind: 'file', detail: `export rename ${kind}` });
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new DomainError('export_write_failed', 'the export file could not be written', { cause: error });
  }
  syncFolder(folder);
  return target;
}

/** Makes the rename itself durable. Windows has no directory handles to sync. */
function syncFolder(folder: string): void {
  if (process.platform === 'win32') return;
  try {
    const fd = openSync(folder, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // The file is complete and in place; only its survival across a power cut is less certain.
  }
}
