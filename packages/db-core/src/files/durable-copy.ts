import { closeSync, fsyncSync, openSync } from 'node:fs';
import { OWNER_ONLY_FILE_MODE } from '../connection/owner-only-files';
import { digestWhileCopying, type FileDigest } from './file-digest';

/**
 * Copies a file to a new owner-only file and makes the copy durable (fsync) before returning,
 * hashing what it copies on the way: the caller can prove the copy is the bytes it expected
 * without reading it a second time. Fails if the target exists, so two writers never share it.
 */
export function copyFileDurably(source: string, target: string): FileDigest {
  const input = openSync(source, 'r');
  try {
    const output = openSync(target, 'wx', OWNER_ONLY_FILE_MODE);
    try {
      const digest = digestWhileCopying(input, output);
      fsyncSync(output);
      return digest;
    } finally {
      closeSync(output);
    }
  } finally {
    closeSync(input);
  }
}
