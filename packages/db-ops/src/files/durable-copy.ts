import { closeSync, fsyncSync, openSync } from 'node:fs';
import { OWNER_ONLY_FILE_MODE } from '@lepupitre/db-core';
import { digestWhileCopying, type FileDigest } from './file-digest';

/**
 * Copies a file to a new owner-only file and makes the copy durable (fsync) before returning,
 * hashing what it copies on the way: the caller can prove the copy is the bytes it expected
 * without reading it a second time. Fails if the target exists, so two writers never share it.
 */
export function copyFileDurably(source: string, target: string): FileDigest {
  const input = openSync(source, 'r');
  try {
    return copyOpenedFileDurably(input, target);
  } finally {
    closeSync(input);
  }
}

/**
 * `copyFileDurably` from a file the caller has already opened (and checked): a caller that must
 * not follow a symbolic link opens the source itself, then copies exactly what it checked.
 * The caller closes `input`.
 */
export function copyOpenedFileDurably(input: number, target: string): FileDigest {
  return copyOpenedFile(input, target, { sync: true });
}

export interface CopyOpenedFileOptions {
  /**
   * fsync the copy before returning. A caller copying thousands of small files leaves it off
   * and syncs them together afterwards (`fsyncFilesConcurrently`), before anything relies on
   * them: one fsync per file in turn costs a disk flush each, several at once share flushes.
   */
  readonly sync: boolean;
}

/** `copyOpenedFileDurably`, the fsync left to the caller when `sync` is off. */
export function copyOpenedFile(input: number, target: string, options: CopyOpenedFileOptions): FileDigest {
  const output = openSync(target, 'wx', OWNER_ONLY_FILE_MODE);
  try {
    const digest = digestWhileCopying(input, output);
    if (options.sync) fsyncSync(output);
    return digest;
  } finally {
    closeSync(output);
  }
}
