import { getFileNameLowLevel, type Entry } from 'yauzl';
import { PackArchiveError, PackErrorCode } from './pack-errors';

/**
 * The names an entry goes by. `name` is what zip tools show (the Info-ZIP Unicode Path extra
 * field when present, else the header name decoded as UTF-8 or CP437); `headerName` is the
 * header name alone. Both are checked, because a tool may honour either.
 */
export interface EntryNames {
  readonly name: string;
  readonly headerName: string;
}

export function entryNames(entry: Entry): EntryNames {
  // yauzl was opened with decodeStrings off so that it validates nothing by itself: its
  // rejections carry no code, and it would turn backslashes into slashes.
  const raw = entry.fileName as unknown as Buffer;
  return {
    name: getFileNameLowLevel(entry.generalPurposeBitFlag, raw, entry.extraFields, true),
    headerName: getFileNameLowLevel(entry.generalPurposeBitFlag, raw, [], true),
  };
}

/**
 * One platform-independent rule for entry names (the previous app used the host's notion of
 * an absolute path, so `C:/x` passed on macOS and Linux). Entry names are never used to write
 * files; the rule still rejects the whole archive, as a pack made by the app never has them.
 */
export function assertSafeEntryName(name: string): void {
  const refuse = (reason: string): never => {
    throw new PackArchiveError(PackErrorCode.INVALID_PATH, reason);
  };
  if (name.includes('\0')) refuse('nul');
  if (name.includes('\\')) refuse('backslash');
  if (name.startsWith('/')) refuse('absolute');
  if (/^[A-Za-z]:/.test(name)) refuse('drive_letter');
  if (name.split('/').includes('..')) refuse('traversal');
}

/**
 * The form two names collide in on some file system or tool: Unicode NFC, lower case, empty
 * and `.` segments dropped (`Run//./Audio.WAV` and `run/audio.wav` are the same file once
 * extracted on a case-insensitive disk).
 */
export function collisionKey(name: string): string {
  return name
    .normalize('NFC')
    .toLowerCase()
    .split('/')
    .filter((segment) => segment !== '' && segment !== '.')
    .join('/');
}

/** Unix file type bits of the external attributes: the entry is a symbolic link. */
export function isSymlinkEntry(entry: Entry): boolean {
  // Checked whatever the "made by" host says: a tool that honours the mode does not ask.
  return ((entry.externalFileAttributes >>> 16) & 0o170000) === 0o120000;
}
