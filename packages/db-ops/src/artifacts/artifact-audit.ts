import { lstatSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, normalize, relative, sep } from 'node:path';
import { isDomainError, ID_PATTERN } from '@lepupitre/domain-primitives';
import { type DatabaseHandle, ArtifactErrorCode, resolveInside } from '@lepupitre/db-core';
import { artifactsToAudit } from './queries';
import { listArtifactFolder } from '@lepupitre/db-core/internals';
import { digestFile } from '../files/file-digest';

/**
 * What can be wrong between the `artifacts` rows and the files under `artifacts/`.
 *
 * Seen from a row:
 * - `missing`: no regular file at the row's path (nothing, a folder, or a link);
 * - `size-mismatch`: the file's size is not the row's `bytes`;
 * - `sha256-mismatch`: same size, other bytes (only when hashing);
 * - `path-not-allowed`: the row's path leads out of the profile folder (`..`, an absolute path,
 *   a linked folder pointing elsewhere), so the app refuses to read it;
 * - `unreadable`: the file is there but cannot be examined (permissions, a link loop).
 *
 * Seen from the folder:
 * - `stray-file`: a complete file no row names;
 * - `temporary-file`: a `.<hex>.tmp` left by a writer that died before its rename;
 * - `not-a-file`: a link, a FIFO or the like, which the store never writes.
 */
export type ArtifactProblemKind =
  | 'missing'
  | 'size-mismatch'
  | 'sha256-mismatch'
  | 'path-not-allowed'
  | 'unreadable'
  | 'stray-file'
  | 'temporary-file'
  | 'not-a-file';

/**
 * One problem, metadata only. `artifactId` is the row's id, or for an entry of the folder the
 * id its name carries (or the id of the row naming it); null when there is none that looks like
 * an id. Never a path: an id is what an operator can look up, and a path names the user's
 * folders (and a stored one is data, which could carry anything).
 */
export interface ArtifactProblem {
  readonly kind: ArtifactProblemKind;
  readonly artifactId: string | null;
}

export interface ArtifactAudit {
  readonly rowsChecked: number;
  /** Entries found under `artifacts/` (files, temporary files, other entries). */
  readonly entriesListed: number;
  /** Bytes of the rows' files found at their recorded size: those were hashed when `hashed`. */
  readonly bytesChecked: number;
  /** True when every file of the right size was hashed and compared with its row's sha256. */
  readonly hashed: boolean;
  /** Rows' problems in id order, then the folder's in path order. */
  readonly problems: readonly ArtifactProblem[];
}

export interface ArtifactAuditOptions {
  /**
   * Hash every file whose size matches. Without it the audit checks existence and size only:
   * a stat per row instead of reading every byte (the profile's recordings dominate its size).
   */
  readonly hash: boolean;
}

/**
 * Audits a profile's artifact rows against its folder: the data folder, not the database file,
 * is the unit of integrity. Reads only (one query, `lstat`s, and file reads when hashing), so it
 * runs on a read-only connection and while the app writes: a file written and committed during
 * the audit may be reported as stray, which a second run settles.
 */
export function auditArtifacts(db: DatabaseHandle, profileDir: string, options: ArtifactAuditOptions): ArtifactAudit {
  const rows = db.all(artifactsToAudit);
  const folders = new FolderResolver(profileDir);
  const problems: ArtifactProblem[] = [];
  /** Relative path (as the folder listing spells it) → id of the row naming it. */
  const named = new Map<string, string | null>();
  let bytesChecked = 0;

  for (const row of rows) {
    const artifactId = idOrNull(row.id);
    const found = examineRow(profileDir, folders, row.local_relpath, row.bytes, row.sha256, options.hash);
    if (found.relpath !== null) named.set(found.relpath, artifactId);
    bytesChecked += found.bytesChecked;
    if (found.kind !== null) problems.push({ kind: found.kind, artifactId });
  }

  const entries = listArtifactFolder(profileDir);
  for (const entry of entries) {
    const fromName = idOrNull(stemOf(entry.relpath));
    if (entry.kind === 'temporary') problems.push({ kind: 'temporary-file', artifactId: fromName });
    else if (entry.kind === 'other') problems.push({ kind: 'not-a-file', artifactId: named.get(entry.relpath) ?? fromName });
    else if (!named.has(entry.relpath)) problems.push({ kind: 'stray-file', artifactId: fromName });
  }

  return { rowsChecked: rows.length, entriesListed: entries.length, bytesChecked, hashed: options.hash, problems };
}

interface RowFinding {
  readonly kind: ArtifactProblemKind | null;
  /** The row's path relative to the profile folder, normalised; null when it leads out of it. */
  readonly relpath: string | null;
  readonly bytesChecked: number;
}

function examineRow(profileDir: string, folders: FolderResolver, storedPath: string, bytes: number, sha256: string, hash: boolean): RowFinding {
  const target = folders.resolve(storedPath);
  if (target === 'not-allowed') return { kind: 'path-not-allowed', relpath: null, bytesChecked: 0 };
  if (target === 'unreadable') return { kind: 'unreadable', relpath: null, bytesChecked: 0 };
  const relpath = relative(profileDir, target).split(sep).join('/');
  let size: number;
  try {
    // Never followed: a link at the path is no artifact file (wherever it points), and the
    // folder's side reports the entry itself. A regular file is then the only thing hashed.
    const stats = lstatSync(target);
    if (!stats.isFile()) return { kind: 'missing', relpath, bytesChecked: 0 };
    size = stats.size;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { kind: code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : 'unreadable', relpath, bytesChecked: 0 };
  }
  if (size !== bytes) return { kind: 'size-mismatch', relpath, bytesChecked: 0 };
  if (!hash) return { kind: null, relpath, bytesChecked: size };
  let actual: string;
  try {
    actual = digestFile(target).sha256;
  } catch {
    return { kind: 'unreadable', relpath, bytesChecked: 0 };
  }
  return { kind: actual === sha256.toLowerCase() ? null : 'sha256-mismatch', relpath, bytesChecked: size };
}

/**
 * `resolveInside` once per folder rather than once per row: it resolves the real path of the
 * folder and of the profile, several system calls each, and the rows of a profile share a
 * handful of folders (`artifacts/<type>`), so per row it would cost several times the `lstat`
 * the check needs. The file name itself is checked lexically; the file is never followed.
 */
class FolderResolver {
  readonly #folders = new Map<string, string | 'not-allowed' | 'unreadable'>();

  constructor(private readonly profileDir: string) {}

  /** The absolute path of a stored relative path, or why there is none. */
  resolve(storedPath: string): string | 'not-allowed' | 'unreadable' {
    if (storedPath === '' || isAbsolute(storedPath) || storedPath.includes('\0')) return 'not-allowed';
    // Lexically first, as `resolve` does inside `resolveInside`: `a/../x` is `x`, `a/../../x` is out.
    const normal = normalize(storedPath);
    const name = basename(normal);
    if (name === '..' || name === '.' || name === '') return 'not-allowed';
    const folder = dirname(normal);
    let resolved = this.#folders.get(folder);
    if (resolved === undefined) {
      resolved = folder === '.' ? this.profileDir : this.#resolveFolder(folder);
      this.#folders.set(folder, resolved);
    }
    return resolved === 'not-allowed' || resolved === 'unreadable' ? resolved : join(resolved, name);
  }

  #resolveFolder(folder: string): string | 'not-allowed' | 'unreadable' {
    try {
      return resolveInside(this.profileDir, folder);
    } catch (error) {
      return isDomainError(error, ArtifactErrorCode.PATH_NOT_ALLOWED) ? 'not-allowed' : 'unreadable';
    }
  }
}

/** A value that looks like a row id, else null: ids are reported, anything else could be content. */
function idOrNull(value: string | null): string | null {
  return value !== null && ID_PATTERN.test(value) ? value : null;
}

/** The file name up to its first dot: `art_<hex>` for `art_<hex>.wav`. */
function stemOf(relpath: string): string {
  const name = relpath.slice(relpath.lastIndexOf('/') + 1);
  const dot = name.indexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}
