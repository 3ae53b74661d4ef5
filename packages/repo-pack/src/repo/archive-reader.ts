import type { Readable } from 'node:stream';
import { crc32, createInflateRaw } from 'node:zlib';
import { fromRandomAccessReader, parseExtraFields, type Entry, type ExtraField, type ZipFile } from 'yauzl';
import type { PackLimits } from '../types';
import { assertSafeEntryName, collisionKey, entryNames, isSymlinkEntry, namesOf, type EntryNames } from './archive-names';
import { readDirectoryLayout, type DirectoryLayout } from './end-record';
import { FileHandleReader } from './file-handle-reader';
import { PackArchiveError, PackErrorCode } from './pack-errors';
import type { PackFile } from './pack-file';

/** How much compressed input zlib is handed at once: the ratio check is exact to this much. */
const FEED_SLICE_BYTES = 16 * 1024;
/** Deflate can grow incompressible data slightly; beyond this a compressed size is implausible. */
const COMPRESSED_SLACK_BYTES = 1024 * 1024;
/** A central directory record: 46 fixed bytes, then its name, extra field and comment. */
const CENTRAL_RECORD_BYTES = 46;
const STORED = 0;
const DEFLATED = 8;

export interface ArchiveEntry {
  readonly entry: Entry;
  /** The name zip tools show; manifest paths are looked up by it, exactly. */
  readonly name: string;
}

/**
 * A zip archive whose central directory passed every check (entry count, the directory's
 * layout, names in both headers, symlinks, declared sizes and ratios, duplicates). Entries are
 * read one at a time through the descriptor the pack file was opened with, inflated under the
 * limits: nothing is trusted from the declared sizes.
 */
export class PackArchive {
  readonly #byName: ReadonlyMap<string, ArchiveEntry>;

  private constructor(
    private readonly zip: ZipFile,
    readonly entries: readonly ArchiveEntry[],
    private readonly limits: PackLimits,
  ) {
    this.#byName = new Map(entries.map((e) => [e.name, e]));
  }

  /** Reads the opened file's central directory and validates every entry; the caller closes the file. */
  static async open(file: PackFile, limits: PackLimits): Promise<PackArchive> {
    const zip = await openZipFile(file);
    try {
      if (zip.entryCount > limits.maxEntries) {
        throw new PackArchiveError(PackErrorCode.TOO_MANY_ENTRIES, 'central_directory_count');
      }
      const layout = await readDirectoryLayout(file.handle, file.size);
      const entries = await listEntries(zip, limits);
      checkDirectoryLayout(entries, layout);
      return new PackArchive(zip, entries, limits);
    } catch (error) {
      zip.close();
      throw toArchiveError(error);
    }
  }

  find(name: string): ArchiveEntry | undefined {
    return this.#byName.get(name);
  }

  /** The entry's bytes, at most `maxBytes`, checked against its size and CRC-32. */
  async read(item: ArchiveEntry, maxBytes: number = this.limits.maxEntryBytes): Promise<Buffer> {
    const { entry } = item;
    if (entry.uncompressedSize > maxBytes) throw new PackArchiveError(PackErrorCode.ENTRY_TOO_LARGE, 'declared');
    let raw: Readable;
    try {
      raw = await this.zip.openReadStreamPromise(entry, { decodeFileData: false });
    } catch (error) {
      throw toArchiveError(error);
    }
    return drain(raw, entry, maxBytes, this.limits);
  }

  close(): void {
    if (this.zip.isOpen) this.zip.close();
  }
}

async function openZipFile(file: PackFile): Promise<ZipFile> {
  try {
    return await new Promise<ZipFile>((resolve, reject) =>
      fromRandomAccessReader(
        new FileHandleReader(file.handle),
        file.size,
        // Nothing is validated or decoded by yauzl itself: its refusals carry no code, and
        // sizes are checked here while inflating. The file stays the caller's to close.
        { autoClose: false, lazyEntries: true, decodeStrings: false, validateEntrySizes: false, strictFileNames: true },
        (error, zip) => (error ? reject(error) : resolve(zip)),
      ),
    );
  } catch (error) {
    if (isSystemError(error)) throw new PackArchiveError(PackErrorCode.OPEN_FAILED, 'read', { cause: error });
    if (/end of central directory record signature not found/i.test(messageOf(error))) {
      // A file that starts like a zip but has no end record was cut short.
      const reason = (await startsWithLocalHeader(file)) ? PackErrorCode.TRUNCATED : PackErrorCode.NOT_A_ZIP;
      throw new PackArchiveError(reason, 'no_end_of_central_directory', { cause: error });
    }
    throw toArchiveError(error);
  }
}

async function startsWithLocalHeader(file: PackFile): Promise<boolean> {
  const head = Buffer.alloc(4);
  const { bytesRead } = await file.handle.read(head, 0, 4, 0);
  return bytesRead === 4 && head.readUInt32LE(0) === 0x04034b50;
}

/** Every entry, checked in central-directory order; the first failure wins. */
async function listEntries(zip: ZipFile, limits: PackLimits): Promise<ArchiveEntry[]> {
  const entries: ArchiveEntry[] = [];
  const seen = new Set<string>();
  for await (const entry of zip.eachEntry()) {
    if (entries.length >= limits.maxEntries) throw new PackArchiveError(PackErrorCode.TOO_MANY_ENTRIES, 'listed');
    const names = entryNames(entry);
    const item = checkEntry(entry, names, limits);
    const keys = new Set([collisionKey(names.name), collisionKey(names.headerName)]);
    for (const key of keys) {
      if (seen.has(key)) throw new PackArchiveError(PackErrorCode.DUPLICATE_ENTRY, 'name');
      seen.add(key);
    }
    await checkLocalHeader(zip, entry, names);
    entries.push(item);
  }
  return entries;
}

/**
 * Extracting tools read an entry's name from its local header, listing tools from the central
 * directory: both pass the name rule, and they must be the same name, byte for byte and as
 * shown, or a pack would list one file and extract another.
 */
async function checkLocalHeader(zip: ZipFile, entry: Entry, central: EntryNames): Promise<void> {
  const local = await zip.readLocalFileHeaderPromise(entry);
  let extraFields: ExtraField[];
  try {
    extraFields = parseExtraFields(local.extraField);
  } catch (error) {
    throw new PackArchiveError(PackErrorCode.ENTRY_UNREADABLE, 'local_header', { cause: error });
  }
  const names = namesOf(local.generalPurposeBitFlag, local.fileName, extraFields);
  assertSafeEntryName(names.headerName);
  assertSafeEntryName(names.name);
  if (!local.fileName.equals(entry.fileNameRaw) || names.name !== central.name) {
    throw new PackArchiveError(PackErrorCode.ENTRY_NAME_MISMATCH, 'local_header');
  }
}

/**
 * The records read (as many as the end record counts) must fill the central directory exactly,
 * and the directory must end where the end record begins: records past the count would be
 * entries this reader never checked but other tools show and extract.
 */
function checkDirectoryLayout(entries: readonly ArchiveEntry[], layout: DirectoryLayout): void {
  let consumed = 0;
  for (const { entry } of entries) {
    consumed += CENTRAL_RECORD_BYTES + entry.fileNameLength + entry.extraFieldLength + entry.fileCommentLength;
  }
  if (consumed < layout.size) throw new PackArchiveError(PackErrorCode.CENTRAL_DIRECTORY_MISMATCH, 'unlisted_records');
  if (consumed > layout.size || layout.offset + layout.size !== layout.end) {
    throw new PackArchiveError(PackErrorCode.CENTRAL_DIRECTORY_MISMATCH, 'layout');
  }
}

function checkEntry(entry: Entry, names: EntryNames, limits: PackLimits): ArchiveEntry {
  if (entry.generalPurposeBitFlag & 0x1) throw new PackArchiveError(PackErrorCode.ENTRY_UNREADABLE, 'encrypted');
  if (entry.compressionMethod !== STORED && entry.compressionMethod !== DEFLATED) {
    throw new PackArchiveError(PackErrorCode.ENTRY_UNREADABLE, 'compression_method');
  }
  assertSafeEntryName(names.headerName);
  assertSafeEntryName(names.name);
  if (isSymlinkEntry(entry)) throw new PackArchiveError(PackErrorCode.SYMLINK_REJECTED, 'unix_mode');
  if (entry.uncompressedSize > limits.maxEntryBytes) throw new PackArchiveError(PackErrorCode.ENTRY_TOO_LARGE, 'declared');
  if (entry.compressedSize > limits.maxEntryBytes + COMPRESSED_SLACK_BYTES) {
    throw new PackArchiveError(PackErrorCode.ENTRY_TOO_LARGE, 'declared_compressed');
  }
  if (entry.uncompressedSize > limits.ratioGraceBytes && entry.uncompressedSize > entry.compressedSize * limits.maxInflateRatio) {
    throw new PackArchiveError(PackErrorCode.ENTRY_OVERCOMPRESSED, 'declared');
  }
  if (entry.compressionMethod === STORED && entry.compressedSize !== entry.uncompressedSize) {
    throw new PackArchiveError(PackErrorCode.ENTRY_SIZE_MISMATCH, 'stored_sizes');
  }
  return { entry, name: names.name };
}

/**
 * Reads the entry's data, inflating it when deflated, and stops at the first byte past a
 * limit: the absolute cap, the ratio of output to compressed input consumed so far (an entry
 * may lie about both sizes, so the ratio is measured, not declared), or the declared size.
 */
function drain(raw: Readable, entry: Entry, maxBytes: number, limits: PackLimits): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const inflater = entry.compressionMethod === DEFLATED ? createInflateRaw() : undefined;
    const output: Readable = inflater ?? raw;
    const chunks: Buffer[] = [];
    let fed = 0;
    let produced = 0;
    let crc = 0;
    let settled = false;
    const settle = (error: unknown, value?: Buffer): void => {
      if (settled) return;
      settled = true;
      raw.destroy();
      inflater?.destroy();
      if (error) reject(error);
      else resolve(value as Buffer);
    };
    output.on('data', (chunk: Buffer) => {
      if (settled) return;
      produced += chunk.length;
      if (!inflater) fed = produced;
      const violation = checkProduced(produced, fed, entry.uncompressedSize, maxBytes, limits);
      if (violation) return settle(violation);
      crc = crc32(chunk, crc);
      chunks.push(chunk);
    });
    output.on('end', () => {
      if (produced !== entry.uncompressedSize) {
        return settle(new PackArchiveError(PackErrorCode.ENTRY_SIZE_MISMATCH, 'shorter_than_declared'));
      }
      if (crc >>> 0 !== entry.crc32 >>> 0) return settle(new PackArchiveError(PackErrorCode.READ_FAILED, 'crc32'));
      settle(undefined, Buffer.concat(chunks, produced));
    });
    raw.on('error', (error) => settle(toArchiveError(error)));
    if (!inflater) return;
    inflater.on('error', (error) => settle(new PackArchiveError(PackErrorCode.READ_FAILED, 'inflate', { cause: error })));
    raw.on('data', (chunk: Buffer) => {
      raw.pause();
      feed(chunk, 0);
    });
    raw.on('end', () => {
      if (!settled) inflater.end();
    });
    // One slice at a time, each handed over only once zlib consumed the previous one, so
    // `fed` never runs more than a slice ahead of what produced the output being counted.
    const feed = (chunk: Buffer, offset: number): void => {
      if (settled) return;
      if (offset >= chunk.length) {
        raw.resume();
        return;
      }
      const slice = chunk.subarray(offset, offset + FEED_SLICE_BYTES);
      fed += slice.length;
      inflater.write(slice, () => feed(chunk, offset + slice.length));
    };
  });
}

function checkProduced(
  produced: number,
  fed: number,
  declared: number,
  maxBytes: number,
  limits: PackLimits,
): PackArchiveError | undefined {
  if (produced > maxBytes) return new PackArchiveError(PackErrorCode.ENTRY_TOO_LARGE, 'inflated');
  if (produced > limits.ratioGraceBytes && produced > fed * limits.maxInflateRatio) {
    return new PackArchiveError(PackErrorCode.ENTRY_OVERCOMPRESSED, 'inflated');
  }
  if (produced > declared) return new PackArchiveError(PackErrorCode.ENTRY_SIZE_MISMATCH, 'longer_than_declared');
  return undefined;
}

/**
 * yauzl reports everything as a plain Error; its messages are the only way to tell a file cut
 * short from one that is not a zip at all.
 */
function toArchiveError(error: unknown): unknown {
  if (error instanceof PackArchiveError) return error;
  if (isSystemError(error)) return new PackArchiveError(PackErrorCode.OPEN_FAILED, 'read', { cause: error });
  const message = messageOf(error);
  if (/unexpected EOF|overflows file bounds/i.test(message)) {
    return new PackArchiveError(PackErrorCode.TRUNCATED, 'data_past_end', { cause: error });
  }
  if (/encrypt/i.test(message)) return new PackArchiveError(PackErrorCode.ENTRY_UNREADABLE, 'encrypted', { cause: error });
  if (/local file header|compression method/i.test(message)) {
    return new PackArchiveError(PackErrorCode.ENTRY_UNREADABLE, 'local_header', { cause: error });
  }
  return new PackArchiveError(PackErrorCode.NOT_A_ZIP, 'central_directory', { cause: error });
}

function isSystemError(error: unknown): boolean {
  return typeof (error as { code?: unknown } | null)?.code === 'string';
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
