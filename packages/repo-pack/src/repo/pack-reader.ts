import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { PackContent, PackInspection, PackLimits, PackRole, PeerReviewPack } from '../types';
import { PackArchive } from './archive-reader';
import { PackArchiveError, PackErrorCode } from './pack-errors';
import { PACK_LIMITS } from './pack-limits';
import { decodeUtf8, MANIFEST_ENTRY, PACK_ROLES, parseManifest } from './pack-manifest';
import { reviewerTagOf } from './review-text';

/**
 * Reads and validates a whole pack archive (a hostile input) and returns its content: every
 * entry's name and declared sizes are checked, then the manifest and the five role files are
 * inflated under the limits and verified. Writes nothing; the first failure wins.
 */
export async function readPackArchive(path: string, limits: PackLimits = PACK_LIMITS): Promise<PackContent> {
  await statPackFile(path);
  return readValidated(path, limits);
}

/**
 * `pack_inspect`: the validated archive described for the UI. Reads the file only; neither
 * the profile database nor the profile folder is touched.
 */
export async function inspectPack(path: string, limits: PackLimits = PACK_LIMITS): Promise<PackInspection> {
  const fileBytes = await statPackFile(path);
  const content = await readValidated(path, limits);
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

/** Size of the file; only a regular file (symlinks followed) is opened: a FIFO would block. */
async function statPackFile(path: string): Promise<number> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw new PackArchiveError(PackErrorCode.STAT_FAILED, 'stat', { cause: error });
  }
  if (!info.isFile()) throw new PackArchiveError(PackErrorCode.OPEN_FAILED, 'not_a_file');
  return info.size;
}

async function readValidated(path: string, limits: PackLimits): Promise<PackContent> {
  const archive = await PackArchive.open(path, limits);
  try {
    const manifestEntry = archive.find(MANIFEST_ENTRY);
    if (!manifestEntry) throw new PackArchiveError(PackErrorCode.MISSING_FILE, 'manifest');
    const { manifest, byRole } = parseManifest(await archive.read(manifestEntry, limits.maxManifestBytes));
    const files = {} as Record<PackRole, Buffer>;
    for (const role of PACK_ROLES) {
      const listed = byRole.get(role);
      const item = listed ? archive.find(listed.path) : undefined;
      if (!listed || !item) throw new PackArchiveError(PackErrorCode.MISSING_FILE, role);
      const bytes = await archive.read(item);
      // The review is the file the reviewer edits: it is expected to differ from the manifest.
      if (role !== 'review_template') {
        if (bytes.length !== listed.bytes) throw new PackArchiveError(PackErrorCode.SIZE_MISMATCH, role);
        if (createHash('sha256').update(bytes).digest('hex') !== listed.sha256) {
          throw new PackArchiveError(PackErrorCode.SHA_MISMATCH, role);
        }
      }
      files[role] = bytes;
    }
    let review: unknown;
    try {
      review = JSON.parse(decodeUtf8(files.review_template));
    } catch (error) {
      throw new PackArchiveError(PackErrorCode.REVIEW_PARSE_FAILED, 'json', { cause: error });
    }
    return { manifest, files, review, reviewerTag: reviewerTagOf(review) };
  } finally {
    archive.close();
  }
}
