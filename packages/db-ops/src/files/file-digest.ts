import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync, writeSync } from 'node:fs';

/** Read and write unit of hashing and copies: large enough for throughput, small enough for memory. */
const CHUNK_BYTES = 1024 * 1024;

export interface FileDigest {
  readonly bytes: number;
  readonly sha256: string;
}

/**
 * The size and sha256 of a file, read in chunks: backups and snapshots can be larger than
 * memory allows. The one way a copy is compared with its manifest, so writers and checkers
 * can never disagree on what the hash covers.
 */
export function digestFile(path: string): FileDigest {
  const fd = openSync(path, 'r');
  try {
    return digestWhileCopying(fd, undefined);
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads `input` to its end, hashing it, and writes every chunk to `output` when one is given:
 * a copy proves it holds the bytes expected without reading them a second time.
 */
export function digestWhileCopying(input: number, output: number | undefined): FileDigest {
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
