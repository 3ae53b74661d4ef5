import type { FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { RandomAccessReader } from 'yauzl';

/** Bytes asked of the file per read while an entry streams. */
const CHUNK_BYTES = 64 * 1024;

/**
 * yauzl's view of the pack: positional reads through the one descriptor the pack was opened
 * with, which stays its opener's to close. (yauzl's own `fromFd` closes the descriptor when the
 * archive closes, so the opener's close would hit a closed, possibly reused, number.)
 */
export class FileHandleReader extends RandomAccessReader {
  constructor(private readonly handle: FileHandle) {
    super();
  }

  override read(buffer: Buffer, offset: number, length: number, position: number, callback: (error: Error | null, bytesRead?: number) => void): void {
    this.handle.read(buffer, offset, length, position).then(
      ({ bytesRead }) => callback(null, bytesRead),
      (error: Error) => callback(error),
    );
  }

  override _readStreamForRange(start: number, end: number): Readable {
    const handle = this.handle;
    let position = start;
    return new Readable({
      highWaterMark: CHUNK_BYTES,
      read(this: Readable): void {
        const length = Math.min(CHUNK_BYTES, end - position);
        if (length <= 0) {
          this.push(null);
          return;
        }
        handle.read(Buffer.allocUnsafe(length), 0, length, position).then(
          ({ bytesRead, buffer }) => {
            if (this.destroyed) return;
            // yauzl's wording for a file that ends early, which the archive reader maps to `pack_truncated`.
            if (bytesRead === 0) return void this.destroy(new Error('unexpected EOF'));
            position += bytesRead;
            this.push(buffer.subarray(0, bytesRead));
          },
          (error: Error) => this.destroy(error),
        );
      },
    });
  }
}
