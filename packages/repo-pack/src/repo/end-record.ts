import type { FileHandle } from 'node:fs/promises';
import { PackArchiveError, PackErrorCode } from './pack-errors';

const END_SIGNATURE = 0x06054b50;
const END_BYTES = 22;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_LOCATOR_BYTES = 20;
const ZIP64_END_SIGNATURE = 0x06064b50;
const ZIP64_END_BYTES = 56;
const MAX_COMMENT_BYTES = 0xffff;

/** Where the end record says the central directory is. */
export interface DirectoryLayout {
  readonly offset: number;
  readonly size: number;
  /** Where the central directory must stop: the zip64 end record, else the end record. */
  readonly end: number;
}

/**
 * The central directory's place and size as the end record (or its zip64 form) states them,
 * found the way yauzl finds it (the last end signature from the end of the file), so that both
 * read the same record. yauzl trusts the record's entry count and never looks at its size: a
 * record listing fewer entries than the directory holds hides the rest from this reader while
 * other tools show (and extract) them.
 */
export async function readDirectoryLayout(handle: FileHandle, fileSize: number): Promise<DirectoryLayout> {
  const length = Math.min(ZIP64_LOCATOR_BYTES + END_BYTES + MAX_COMMENT_BYTES, fileSize);
  const start = fileSize - length;
  const tail = await readAt(handle, start, length);
  for (let i = length - END_BYTES; i >= 0; i--) {
    if (tail.readUInt32LE(i) !== END_SIGNATURE) continue;
    const locator = i - ZIP64_LOCATOR_BYTES;
    if (locator >= 0 && tail.readUInt32LE(locator) === ZIP64_LOCATOR_SIGNATURE) {
      const zip64EndAt = safeNumber(tail.readBigUInt64LE(locator + 8));
      const zip64End = await readAt(handle, zip64EndAt, ZIP64_END_BYTES);
      if (zip64End.readUInt32LE(0) !== ZIP64_END_SIGNATURE) throw new PackArchiveError(PackErrorCode.NOT_A_ZIP, 'zip64_end_record');
      return { size: safeNumber(zip64End.readBigUInt64LE(40)), offset: safeNumber(zip64End.readBigUInt64LE(48)), end: zip64EndAt };
    }
    return { size: tail.readUInt32LE(i + 12), offset: tail.readUInt32LE(i + 16), end: start + i };
  }
  throw new PackArchiveError(PackErrorCode.NOT_A_ZIP, 'no_end_of_central_directory');
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  if (bytesRead !== length) throw new PackArchiveError(PackErrorCode.TRUNCATED, 'data_past_end');
  return buffer;
}

function safeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new PackArchiveError(PackErrorCode.NOT_A_ZIP, 'central_directory');
  return Number(value);
}
