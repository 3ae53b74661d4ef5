import { fromBuffer, type Entry, type ZipFile } from 'yauzl';

export interface ListedEntry {
  readonly name: string;
  readonly method: number;
  readonly mode: number;
  readonly data: Buffer;
}

/** Every entry of a zip with its content, read by yauzl with its own checks on. */
export async function listZip(bytes: Buffer): Promise<ListedEntry[]> {
  const zip = await new Promise<ZipFile>((resolve, reject) =>
    fromBuffer(bytes, { lazyEntries: true }, (error, z) => (error ? reject(error) : resolve(z))),
  );
  const out: ListedEntry[] = [];
  for await (const entry of zip.eachEntry() as AsyncIterable<Entry>) {
    const stream = await zip.openReadStreamPromise(entry);
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    out.push({ name: entry.fileName, method: entry.compressionMethod, mode: entry.externalFileAttributes >>> 16, data: Buffer.concat(chunks) });
  }
  return out;
}
