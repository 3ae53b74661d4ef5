import { decodeWav, isDomainError } from '@lepupitre/domain-primitives';
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { PackContent, PackInspection, PackLimits, PackRole, PeerReviewPack } from '../types';
import { PackArchive, type ArchiveEntry } from './archive-reader';
import { PackArchiveError, PackErrorCode } from './pack-errors';
import { openPackFile, type PackFile } from './pack-file';
import { PACK_LIMITS } from './pack-limits';
import { decodeUtf8, MANIFEST_ENTRY, PACK_ROLES, parseManifest } from './pack-manifest';
import { readReviewJson } from './review-document';
import { reviewerTagOf } from './review-text';

/**
 * Reads and validates a whole pack archive (a hostile input) and returns its content: the file
 * is opened once and must be a regular file, every entry's names and declared sizes are
 * checked, then the manifest and the five role files are inflated under the limits and
 * verified. Writes nothing; the first failure wins.
 */
export async function readPackArchive(path: string, limits: PackLimits = PACK_LIMITS): Promise<PackContent> {
  return withPackFile(path, (file) => readValidated(file, limits));
}

/**
 * `pack_inspect`: the validated archive described for the UI. Reads the file only; neither
 * the profile database nor the profile folder is touched.
 */
export async function inspectPack(path: string, limits: PackLimits = PACK_LIMITS): Promise<PackInspection> {
  const { fileBytes, content } = await withPackFile(path, async (file) => ({ fileBytes: file.size, content: await readValidated(file, limits) }));
  const { manifest } = content;
  const actual = new Map<string, number>(PACK_ROLES.map((role) => [role, content.files[role].length]));
  return {
    fileName: basename(path),
    fileBytes,
    schemaVersion: manifest.schema_version,
    packId: manifest.pack_id,
    createdAt: manifest.created_at,
    appVersion: manifest.app_version,
    profileId: manifest.profile_id,
    projectId: manifest.project_id,
    runId: manifest.run.run_id,
    durationMs: manifest.run.duration_ms,
    reviewerTag: content.reviewerTag,
    // Actual lengths for the five files read (the review may differ from the manifest),
    // the manifest's declared length for the others (never read).
    files: manifest.files.map((f) => ({ role: f.role, bytes: actual.get(f.role) ?? f.bytes, mime: f.mime })),
  };
}

/**
 * The first half of `peer_review_import`: everything that can refuse the pack, done before
 * anything is written (the outline must also be UTF-8 to become a talk outline).
 */
export async function readPeerReviewPack(path: string, limits: PackLimits = PACK_LIMITS): Promise<PeerReviewPack> {
  const content = await readPackArchive(path, limits);
  let outlineText: string;
  try {
    outlineText = decodeUtf8(content.files.outline);
  } catch (error) {
    throw new PackArchiveError(PackErrorCode.OUTLINE_INVALID_UTF8, 'outline', { cause: error });
  }
  return { ...content, outlineText };
}

/** Opens the pack file once, runs `read` on it, and closes it whatever happens. */
async function withPackFile<T>(path: string, read: (file: PackFile) => Promise<T>): Promise<T> {
  const file = await openPackFile(path);
  try {
    return await read(file);
  } finally {
    await file.handle.close();
  }
}

/**
 * The manifest, then the budget over everything an import reads, then the five role files one
 * at a time: size and SHA-256 for four of them, the WAV rules for the audio, the review limits
 * for the review.
 */
async function readValidated(file: PackFile, limits: PackLimits): Promise<PackContent> {
  const archive = await PackArchive.open(file, limits);
  try {
    const manifestEntry = archive.find(MANIFEST_ENTRY);
    if (!manifestEntry) throw new PackArchiveError(PackErrorCode.MISSING_FILE, 'manifest');
    const { manifest, byRole } = parseManifest(await archive.read(manifestEntry, limits.maxManifestBytes));
    const entries = new Map<PackRole, ArchiveEntry>();
    for (const role of PACK_ROLES) {
      const listed = byRole.get(role);
      const item = listed ? archive.find(listed.path) : undefined;
      if (!item) throw new PackArchiveError(PackErrorCode.MISSING_FILE, role);
      entries.set(role, item);
    }
    checkBudget(manifestEntry, [...entries.values()], limits);
    const files = {} as Record<PackRole, Buffer>;
    for (const role of PACK_ROLES) {
      const item = entries.get(role) as ArchiveEntry;
      const listed = byRole.get(role);
      // The review is the file the reviewer edits: it is expected to differ from the manifest.
      if (role === 'review_template') {
        if (item.entry.uncompressedSize > limits.review.maxBytes) throw new PackArchiveError(PackErrorCode.REVIEW_LIMIT_EXCEEDED, 'bytes');
        files[role] = await archive.read(item, limits.review.maxBytes);
        continue;
      }
      const bytes = await archive.read(item);
      if (bytes.length !== listed?.bytes) throw new PackArchiveError(PackErrorCode.SIZE_MISMATCH, role);
      if (createHash('sha256').update(bytes).digest('hex') !== listed.sha256) {
        throw new PackArchiveError(PackErrorCode.SHA_MISMATCH, role);
      }
      if (role === 'audio') checkWav(bytes);
      files[role] = bytes;
    }
    const review = readReviewJson(files.review_template, limits.review, 'refuse');
    return { manifest, files, review, reviewerTag: reviewerTagOf(review) };
  } finally {
    archive.close();
  }
}

/**
 * One import reads at most `maxImportBytes`, by the declared sizes of what it reads (every
 * read stops at the declared size): checked before the first byte is inflated.
 */
function checkBudget(manifest: ArchiveEntry, roleEntries: readonly ArchiveEntry[], limits: PackLimits): void {
  const declared = roleEntries.reduce((sum, item) => sum + item.entry.uncompressedSize, manifest.entry.uncompressedSize);
  if (declared > limits.maxImportBytes) throw new PackArchiveError(PackErrorCode.TOO_LARGE, 'declared_total');
}

/**
 * The audio becomes a recording of the importing profile, played, trimmed, transcribed and
 * exported again: it must pass the same WAV reader rules as the audio import. A script, a zip
 * or any other file named `.wav` is refused here.
 */
function checkWav(bytes: Buffer): void {
  try {
    decodeWav(bytes);
  } catch (error) {
    if (isDomainError(error)) throw new PackArchiveError(PackErrorCode.AUDIO_INVALID, error.code, { cause: error });
    throw error;
  }
}
