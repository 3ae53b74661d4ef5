import { ArtifactStore } from '@lepupitre/db-core';
import { DomainError } from '@lepupitre/domain-primitives';
import { exportPack, PACK_LIMITS, PackErrorCode, readPeerReviewPack } from '@lepupitre/repo-pack';
import { ensureProfileExists } from '@lepupitre/repo-workspace';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { defineCommand, type AnyCommand } from './command';
import { writePeerReviewImport } from './pack';
import { boundedBase64, Id, Text } from './wire-schemas';

/**
 * Packs as bytes, for a caller that has no file system of its own (the page in a browser): the
 * same export and the same import as `pack_export` and `peer_review_import`, with the zip
 * carried base64 in the JSON instead of named by a path. The caller never names a file: the
 * export answers the file the export itself wrote, and the import reads a copy it staged.
 */

/**
 * Largest zip `peer_review_import_bytes` takes: the largest entry a pack may hold (64 MiB), as
 * `audio_import_wav` bounds a WAV, so that its base64 fits the host's 96 MiB body. A pack near
 * the import budget (72 MiB) goes through `peer_review_import` by path.
 */
export const MAX_UPLOADED_PACK_BYTES = PACK_LIMITS.maxEntryBytes;
const ZipBase64 = boundedBase64(MAX_UPLOADED_PACK_BYTES, 'pack');

const PackBytes = z.object({ fileName: Text, bytes: z.number().int().positive(), zipBase64: Text });

const PeerReviewImported = z.object({ peerReviewId: Text, projectId: Text, runId: Text });

/** Staging folders in the data folder: `.pack-upload-<random>`, one per import, always removed. */
const STAGING_PREFIX = '.pack-upload-';

export const packExportBytes = defineCommand({
  name: 'pack_export_bytes',
  request: z.object({ profileId: Id, runId: Id }),
  response: PackBytes,
  handler: async ({ profileId, runId }, context) => {
    const session = context.profile(profileId);
    const { path } = await exportPack(session.db, session.dir, { runId, profileId, appVersion: context.appVersion });
    // The pack is the artifact whose id is its file's name: read back through the artifact
    // store, which resolves the row's path inside the profile folder.
    const packId = basename(path, '.zip');
    const zip = new ArtifactStore(session.db, session.dir).read(packId);
    return { fileName: `${packId}.zip`, bytes: zip.length, zipBase64: zip.toString('base64') };
  },
});

export const peerReviewImportBytes = defineCommand({
  name: 'peer_review_import_bytes',
  request: z.object({ profileId: Id, zipBase64: ZipBase64 }),
  response: PeerReviewImported,
  handler: async ({ profileId, zipBase64 }, context) => {
    ensureProfileExists(context.global(), profileId);
    // The pack reader opens one regular file and reads only through its descriptor (its checks
    // are the path import's, unchanged): the bytes are staged to a private file it can open.
    const pack = await withStagedFile(context.dataDir, Buffer.from(zipBase64, 'base64'), readPeerReviewPack);
    return writePeerReviewImport(context.profile(profileId), pack);
  },
});

/**
 * Writes `bytes` to a new private folder of the data folder, runs `read` on the file, and
 * removes the folder whatever happens. Commands run one at a time, so a staging folder found
 * here is one a killed host left behind: it goes first. A staging failure is `pack_write_failed`.
 */
async function withStagedFile<T>(dataDir: string, bytes: Buffer, read: (path: string) => Promise<T>): Promise<T> {
  let folder: string;
  try {
    await removeStaleStaging(dataDir);
    folder = await mkdtemp(join(dataDir, STAGING_PREFIX));
  } catch (cause) {
    throw new DomainError(PackErrorCode.WRITE_FAILED, PackErrorCode.WRITE_FAILED, { cause });
  }
  try {
    const file = join(folder, 'pack.zip');
    try {
      await writeFile(file, bytes, { flag: 'wx', mode: 0o600 });
    } catch (cause) {
      throw new DomainError(PackErrorCode.WRITE_FAILED, PackErrorCode.WRITE_FAILED, { cause });
    }
    return await read(file);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

async function removeStaleStaging(dataDir: string): Promise<void> {
  const names = await readdir(dataDir);
  for (const name of names) {
    if (name.startsWith(STAGING_PREFIX)) await rm(join(dataDir, name), { recursive: true, force: true });
  }
}

export const PACK_BYTES_COMMANDS: readonly AnyCommand[] = [packExportBytes, peerReviewImportBytes];
