import { getFileNameLowLevel, type Entry, type ExtraField } from 'yauzl';
import { hasControlCharacter } from './control-characters';
import { PackArchiveError, PackErrorCode } from './pack-errors';

/** Longest entry name (UTF-16 code units): a pack's names are under 30; file systems stop at 255 per name. */
export const MAX_ENTRY_NAME_LENGTH = 255;

/** Unicode format characters (bidi overrides, zero-width joiners, tags): they make a name read as another. */
const FORMAT_CHARACTER = /\p{Cf}/u;

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
  return namesOf(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields);
}

/**
 * The names a header gives, from its flags (bit 11: UTF-8), raw name and extra fields: the
 * central directory record's, or the local header's, which extracting tools read instead.
 */
export function namesOf(flags: number, rawName: Buffer, extraFields: readonly ExtraField[]): EntryNames {
  return {
    name: getFileNameLowLevel(flags, rawName, [...extraFields], true),
    headerName: getFileNameLowLevel(flags, rawName, [], true),
  };
}

/**
 * One platform-independent rule for entry names (the previous app used the host's notion of
 * an absolute path, so `C:/x` passed on macOS and Linux). Entry names are never used to write
 * files; the rule still rejects the whole archive, as a pack made by the app never has them.
 * Control characters (terminal escape codes), format characters and overlong names are
 * refused too: names are what tools print when they list an archive.
 */
export function assertSafeEntryName(name: string): void {
  const refuse = (reason: string): never => {
    throw new PackArchiveError(PackErrorCode.INVALID_PATH, reason);
  };
  if (name.includes('\0')) refuse('nul');
  if (hasControlCharacter(name)) refuse('control_character');
  if (FORMAT_CHARACTER.test(name)) refuse('format_character');
  if (name.length > MAX_ENTRY_NAME_LENGTH) refuse('too_long');
  if (name.includes('\\')) refuse('backslash');
  if (name.startsWith('/')) refuse('absolute');
  if (/^[A-Za-z]:/.test(name)) refuse('drive_letter');
  if (name.split('/').includes('..')) refuse('traversal');
}

/**
 * The form two names collide in on some file system or tool: case folded, empty and `.`
 * segments dropped (`Run//./Audio.WAV` and `run/audio.wav` are the same file once extracted
 * on a case-insensitive disk).
 */
export function collisionKey(name: string): string {
  return foldCase(name)
    .split('/')
    .filter((segment) => segment !== '' && segment !== '.')
    .join('/');
}

/**
 * A case fold close to Unicode's NFKC_Casefold, from what JavaScript has: NFKC first
 * (fullwidth `ｒ` → `r`, ligature `ﬁ` → `fi`, long s `ſ` → `s`, Kelvin sign → `K`), then upper
 * case and lower case (`ß` → `SS` → `ss`, final sigma `ς` → `Σ` → `σ`, which `toLowerCase`
 * alone leaves apart), then NFKC again, as case mapping can leave text unnormalised. Unlike
 * NFKC_Casefold it keeps default-ignorable characters, which names may not hold anyway
 * (`format_character`), and it uses no locale (no Turkish dotless i rule): what a
 * case-insensitive file system does. A table-driven fold was the alternative; it would be a
 * second copy of Unicode data to keep up to date, for names that are ASCII in every real pack.
 */
export function foldCase(name: string): string {
  return name.normalize('NFKC').toUpperCase().toLowerCase().normalize('NFKC');
}

/** Unix file type bits of the external attributes: the entry is a symbolic link. */
export function isSymlinkEntry(entry: Entry): boolean {
  // Checked whatever the "made by" host says: a tool that honours the mode does not ask.
  return ((entry.externalFileAttributes >>> 16) & 0o170000) === 0o120000;
}
