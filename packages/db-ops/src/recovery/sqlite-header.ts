/**
 * The 100-byte header of an SQLite file and the b-tree page structure behind it, read as bytes.
 *
 * "Not a database" is SQLite's answer both for a file that never was one and for a database
 * whose first bytes were destroyed (zeroed by a sync tool, overwritten by a bad sector). Only
 * the second may be recovered, so the difference is read from the bytes: the b-tree pages that
 * follow a damaged header keep their own headers.
 */

export const HEADER_BYTES = 100;
const MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
/** First byte of a b-tree page header: interior index, interior table, leaf index, leaf table. */
const BTREE_PAGE_TYPES: ReadonlySet<number> = new Set([0x02, 0x05, 0x0a, 0x0d]);
/** Page 1 is always the root of the schema table: a table b-tree page. */
const SCHEMA_PAGE_TYPES: ReadonlySet<number> = new Set([0x05, 0x0d]);
const PAGE_SIZES = [512, 1024, 2048, 4096, 8192, 16384, 32768, 65536] as const;
/** Pages sampled when telling a database's page structure from other bytes. */
const SAMPLED_PAGES = 16;

export type HeaderKind =
  /** The magic string and a valid page size. */
  | 'sqlite'
  /** The whole header is zero bytes. */
  | 'zeroed'
  /** No valid header, but the pages behind it are b-tree pages: a database whose header was hit. */
  | 'damaged'
  /** Nothing in the bytes says SQLite. */
  | 'foreign'
  /** A zero-length file. */
  | 'empty';

export interface HeaderReading {
  readonly kind: HeaderKind;
  /** The page size the header states, or the one the page structure shows; null when neither. */
  readonly pageSize: number | null;
}

/** Reads `length` bytes at `offset`; shorter (or empty) at the end of the file. */
export type ByteReader = (offset: number, length: number) => Buffer;

export function readHeader(read: ByteReader, fileBytes: number): HeaderReading {
  if (fileBytes === 0) return { kind: 'empty', pageSize: null };
  const head = read(0, HEADER_BYTES);
  const stated = statedPageSize(head);
  if (head.length >= MAGIC.length && head.subarray(0, MAGIC.length).equals(MAGIC) && stated !== null) {
    return { kind: 'sqlite', pageSize: stated };
  }
  const structural = structuralPageSize(read, fileBytes);
  if (head.length === HEADER_BYTES && head.every((b) => b === 0)) return { kind: 'zeroed', pageSize: structural };
  if (structural !== null) return { kind: 'damaged', pageSize: structural };
  return { kind: 'foreign', pageSize: null };
}

function statedPageSize(head: Buffer): number | null {
  if (head.length < 18) return null;
  const raw = head.readUInt16BE(16);
  const size = raw === 1 ? 65536 : raw;
  return (PAGE_SIZES as readonly number[]).includes(size) ? size : null;
}

/**
 * The page size under which the file looks like a database: page 1 carries a table b-tree
 * header right after the 100-byte file header, the file is a whole number of pages, and the
 * sampled page starts are b-tree pages (or free/overflow pages, whose first byte is 0).
 * Several sizes may fit a small file; the one with the most b-tree pages wins, 4096 on a tie.
 */
export function structuralPageSize(read: ByteReader, fileBytes: number): number | null {
  const first = read(HEADER_BYTES, 1);
  if (first.length !== 1 || !SCHEMA_PAGE_TYPES.has(first[0] as number)) return null;
  let best: { size: number; score: number } | null = null;
  for (const size of PAGE_SIZES) {
    if (fileBytes % size !== 0 || fileBytes < size) continue;
    const pages = fileBytes / size;
    let score = 0;
    let valid = true;
    for (let page = 2; page <= Math.min(pages, SAMPLED_PAGES + 1); page++) {
      const type = read((page - 1) * size, 1)[0];
      if (type === undefined) break;
      if (BTREE_PAGE_TYPES.has(type)) score += 1;
      else if (type !== 0) valid = false;
    }
    if (!valid) continue;
    if (!best || score > best.score || (score === best.score && size === 4096)) best = { size, score };
  }
  return best?.size ?? null;
}

/**
 * A fresh header for a database whose own header is gone: enough for SQLite to read the
 * b-trees behind it. The freelist is declared empty (free pages are lost, rows are not) and the
 * page count is taken from the file size. Written only into a working copy, never the original.
 */
export function rebuiltHeader(pageSize: number, pageCount: number, walMode: boolean): Buffer {
  const header = Buffer.alloc(HEADER_BYTES);
  MAGIC.copy(header, 0);
  header.writeUInt16BE(pageSize === 65536 ? 1 : pageSize, 16);
  header[18] = walMode ? 2 : 1; // file format write version
  header[19] = walMode ? 2 : 1; // file format read version
  header[20] = 0; // reserved bytes per page
  header[21] = 64; // maximum embedded payload fraction
  header[22] = 32; // minimum embedded payload fraction
  header[23] = 32; // leaf payload fraction
  header.writeUInt32BE(1, 24); // file change counter
  header.writeUInt32BE(pageCount, 28); // database size in pages
  header.writeUInt32BE(1, 40); // schema cookie
  header.writeUInt32BE(4, 44); // schema format number
  header.writeUInt32BE(1, 56); // text encoding: UTF-8
  header.writeUInt32BE(1, 92); // version-valid-for: equals the change counter, so the size is trusted
  header.writeUInt32BE(3_045_000, 96); // SQLite version that wrote it
  return header;
}

/** First 4 bytes of a WAL file: the magic number, in either checksum byte order. */
export function isWalHeader(head: Buffer): boolean {
  if (head.length < 32) return false;
  const magic = head.readUInt32BE(0);
  return magic === 0x377f0682 || magic === 0x377f0683;
}
