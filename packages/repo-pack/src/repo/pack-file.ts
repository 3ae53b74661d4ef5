import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { PackArchiveError, PackErrorCode } from './pack-errors';

/**
 * Read only, and never wait: without `O_NONBLOCK`, opening a FIFO blocks until a writer comes,
 * in a worker thread that nothing can interrupt (not even the process's own exit). Reading a
 * regular file is the same with or without it. `O_NOFOLLOW` is not used: the path is the one
 * the user picked, and a link to a pack is still a pack; the checks below are made on what the
 * descriptor opened, wherever the link led.
 */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** Errors that mean the path names nothing that could be opened (the previous `pack_stat: …`). */
const NOTHING_THERE = new Set(['ENOENT', 'ENOTDIR', 'ENAMETOOLONG', 'ELOOP']);

/** The pack file, opened once: every later read goes through this descriptor, never the path. */
export interface PackFile {
  readonly handle: FileHandle;
  /** Bytes of the file, from the descriptor's own `fstat`. */
  readonly size: number;
}

/**
 * Opens the user's pack path once and checks, on the open descriptor (`fstat`), that it is a
 * regular file. Checking the path and then opening it again (as `stat` then a reopen by path
 * did) leaves a window in which the file can be swapped for a FIFO or a device; here what is
 * read is exactly what was checked. A FIFO, a device or a folder is refused without blocking.
 */
export async function openPackFile(path: string): Promise<PackFile> {
  let handle: FileHandle;
  try {
    handle = await open(path, OPEN_FLAGS);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code === 'EISDIR') throw new PackArchiveError(PackErrorCode.OPEN_FAILED, 'not_a_file', { cause: error });
    if (NOTHING_THERE.has(code)) throw new PackArchiveError(PackErrorCode.STAT_FAILED, 'stat', { cause: error });
    throw new PackArchiveError(PackErrorCode.OPEN_FAILED, 'open', { cause: error });
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new PackArchiveError(PackErrorCode.OPEN_FAILED, 'not_a_file');
    return { handle, size: info.size };
  } catch (error) {
    await handle.close();
    if (error instanceof PackArchiveError) throw error;
    throw new PackArchiveError(PackErrorCode.STAT_FAILED, 'stat', { cause: error });
  }
}
