import { DomainError } from '@lepupitre/domain-primitives';
import { writeFileDurably, type DatabaseHandle } from '@lepupitre/db-core';
import { join, resolve } from 'node:path';
import { TalkErrorCode } from '../types';

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
    throw new DomainError(TalkErrorCode.EXPORT_PATH_NOT_ALLOWED);
  }
  const target = join(resolve(profileDir, 'exports', kind), `${name}.${ext}`);
  let stage = '';
  try {
    writeFileDurably(target, Buffer.from(content, 'utf8'), (detail) => {
      stage = detail;
      db.reportStep({ kind: 'file', detail: `export ${detail} ${kind}` });
    });
  } catch (error) {
    if (stage === 'mkdir') throw new DomainError(TalkErrorCode.EXPORT_DIR_FAILED, 'the export folder could not be created', { cause: error });
    throw new DomainError(TalkErrorCode.EXPORT_WRITE_FAILED, 'the export file could not be written', { cause: error });
  }
  return target;
}
