import { crc32, deflateRawSync } from 'node:zlib';

/**
 * A zip writer that does exactly what it is told, for shapes no zip library would produce:
 * symlink modes, duplicate or hostile names, lying sizes and CRCs, lying entry counts.
 */
export interface RawEntry {
  readonly name: string | Buffer;
  /** The uncompressed content. */
  readonly data: Buffer;
  /** 0 stored, 8 deflate (default), anything else is written as given. */
  readonly method?: number;
  /** The bytes written as the entry's data; defaults to `data`, deflated when method is 8. */
  readonly payload?: Buffer;
  /** Declared values, in both the local and the central header. */
  readonly crc?: number;
  readonly compressedSize?: number;
  readonly uncompressedSize?: number;
  readonly flags?: number;
  readonly versionMadeBy?: number;
  readonly externalAttributes?: number;
  /** Extra field of both headers. */
  readonly extra?: Buffer;
  /** Overrides the local header signature (a broken local header). */
  readonly localSignature?: number;
  /** The name written in the local header only; the central directory keeps `name`. */
  readonly localName?: string | Buffer;
}

export interface RawZipOptions {
  /** Entry count written in the end record, instead of the real one. */
  readonly declaredEntryCount?: number;
}

const UNIX = 3 << 8;
export const REGULAR_FILE_ATTRIBUTES = (0o100644 << 16) >>> 0;
export const SYMLINK_ATTRIBUTES = (0o120777 << 16) >>> 0;

export function rawZip(entries: readonly RawEntry[], options: RawZipOptions = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = typeof entry.name === 'string' ? Buffer.from(entry.name, 'utf8') : entry.name;
    const method = entry.method ?? 8;
    const payload = entry.payload ?? (method === 8 ? deflateRawSync(entry.data) : entry.data);
    const crc = entry.crc ?? crc32(entry.data);
    const compressedSize = entry.compressedSize ?? payload.length;
    const uncompressedSize = entry.uncompressedSize ?? entry.data.length;
    const flags = entry.flags ?? (/[^\x20-\x7e]/.test(name.toString('latin1')) ? 0x800 : 0);
    const extra = entry.extra ?? Buffer.alloc(0);
    const localName = entry.localName === undefined ? name : Buffer.from(entry.localName);

    const local = Buffer.alloc(30);
    local.writeUInt32LE(entry.localSignature ?? 0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x5a21, 12);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(compressedSize >>> 0, 18);
    local.writeUInt32LE(uncompressedSize >>> 0, 22);
    local.writeUInt16LE(localName.length, 26);
    local.writeUInt16LE(extra.length, 28);
    locals.push(local, localName, extra, payload);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(entry.versionMadeBy ?? UNIX | 20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x5a21, 14);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(compressedSize >>> 0, 20);
    central.writeUInt32LE(uncompressedSize >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(extra.length, 30);
    central.writeUInt16LE(0, 32);
    central.writeUInt16LE(0, 34);
    central.writeUInt16LE(0, 36);
    central.writeUInt32LE((entry.externalAttributes ?? REGULAR_FILE_ATTRIBUTES) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name, extra);

    offset += 30 + localName.length + extra.length + payload.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  const count = options.declaredEntryCount ?? entries.length;
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** Info-ZIP Unicode Path extra field (0x7075): the name tools show instead of the header's. */
export function unicodePathExtra(headerName: string, shownName: string): Buffer {
  const shown = Buffer.from(shownName, 'utf8');
  const field = Buffer.alloc(4 + 5 + shown.length);
  field.writeUInt16LE(0x7075, 0);
  field.writeUInt16LE(5 + shown.length, 2);
  field.writeUInt8(1, 4);
  field.writeUInt32LE(crc32(Buffer.from(headerName, 'utf8')) >>> 0, 5);
  shown.copy(field, 9);
  return field;
}
