import { closeSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { listCandidates } from './backup-candidates';
import { isWalHeader, readHeader, type ByteReader, type HeaderReading } from './sqlite-header';

/**
 * What the bytes on disk say about a database, read without SQLite: a handful of small reads
 * and two directory listings, so it costs the same for a 1 MB and a 1 GB file.
 */
export interface FileProbe {
  readonly exists: boolean;
  readonly isFile: boolean;
  readonly bytes: number;
  readonly header: HeaderReading;
  /** Size of the `-wal` companion, 0 when absent. A non-empty one at open means an unclean shutdown. */
  readonly walBytes: number;
  readonly walHeaderValid: boolean;
  readonly shmBytes: number;
  /** Backups and pre-migration snapshots of this stem and scope beside it (not yet verified). */
  readonly backupCandidates: number;
}

export function probeDatabaseFile(path: string, scope: string): FileProbe {
  const backupCandidates = listCandidates(path, scope).length;
  const stats = statOrNull(path);
  const wal = statOrNull(`${path}-wal`);
  const shm = statOrNull(`${path}-shm`);
  const walBytes = wal?.isFile() ? wal.size : 0;
  const walHeaderValid = walBytes > 0 && withReader(`${path}-wal`, (read) => isWalHeader(read(0, 32)), false);
  const shmBytes = shm?.isFile() ? shm.size : 0;
  if (!stats) {
    return { exists: false, isFile: false, bytes: 0, header: { kind: 'empty', pageSize: null }, walBytes, walHeaderValid, shmBytes, backupCandidates };
  }
  if (!stats.isFile()) {
    return { exists: true, isFile: false, bytes: 0, header: { kind: 'foreign', pageSize: null }, walBytes, walHeaderValid, shmBytes, backupCandidates };
  }
  const header = withReader(path, (read) => readHeader(read, stats.size), { kind: 'foreign', pageSize: null } as HeaderReading);
  return { exists: true, isFile: true, bytes: stats.size, header, walBytes, walHeaderValid, shmBytes, backupCandidates };
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

/** Runs `fn` with a positional reader on the file; `fallback` when the file cannot be read. */
export function withReader<T>(path: string, fn: (read: ByteReader) => T, fallback: T): T {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return fallback;
  }
  try {
    const read: ByteReader = (offset, length) => {
      const buffer = Buffer.alloc(length);
      const got = readSync(fd, buffer, 0, length, offset);
      return buffer.subarray(0, got);
    };
    return fn(read);
  } catch {
    return fallback;
  } finally {
    closeSync(fd);
  }
}
