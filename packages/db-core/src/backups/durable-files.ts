import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { OWNER_ONLY_FILE_MODE } from '../connection/owner-only-files';

/** Read and write unit of the copies: large enough for throughput, small enough for memory. */
const CHUNK_BYTES = 1024 * 1024;

export interface FileDigest {
  readonly bytes: number;
  readonly sha256: string;
}

/** The size and sha256 of a file, read in chunks: backups can be larger than memory allows. */
export function digestFile(path: string): FileDigest {
  const fd = openSync(path, 'r');
  try {
    return pump(fd, undefined);
  } finally {
    closeSync(fd);
  }
}

/**
 * Copies a file to a new owner-only file and makes the copy durable (fsync) before returning,
 * hashing what it copies on the way: the caller can prove the copy is the bytes it expected
 * without reading it a second time. Fails if the target exists.
 */
export function copyFileDurably(source: string, target: string): FileDigest {
  const input = openSync(source, 'r');
  try {
    const output = openSync(target, 'wx', OWNER_ONLY_FILE_MODE);
    try {
      const digest = pump(input, output);
      fsyncSync(output);
      return digest;
    } finally {
      closeSync(output);
    }
  } finally {
    closeSync(input);
  }
}

/** Flushes a file's content to the disk. */
export function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Makes renames and new names in a folder durable. Windows cannot open a folder for syncing
 * and does not need it (NTFS journals metadata), so failures there are ignored.
 */
export function fsyncDirectory(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Cleanup after a failure must not replace the failure. */
export function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // The folder itself is unusable; there is nothing of ours to remove.
  }
}

function pump(input: number, output: number | undefined): FileDigest {
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  let bytes = 0;
  for (;;) {
    const read = readSync(input, buffer, 0, CHUNK_BYTES, null);
    if (read === 0) break;
    const chunk = buffer.subarray(0, read);
    hash.update(chunk);
    if (output !== undefined) {
      for (let written = 0; written < read; ) written += writeSync(output, chunk, written, read - written);
    }
    bytes += read;
  }
  return { bytes, sha256: hash.digest('hex') };
}
