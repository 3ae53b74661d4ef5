import { ArtifactErrorCode, artifactNotFound, ArtifactStore, resolveInside, type DatabaseHandle } from '@lepupitre/db-core';
import { DomainError, isDomainError, newId, utcNow } from '@lepupitre/domain-primitives';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ZipFile } from 'yazl';
import { artifactById, outlineOfProject, projectTitleById, runById } from '../queries';
import type { PackExportInput, PackExportResult, PackManifest, PackManifestFile } from '../types';
import { PackErrorCode } from './pack-errors';
import { defaultOutline, REVIEW_TEMPLATE_BYTES, transcriptDurationMs, viewerHtml } from './pack-contents';
import { PACK_LIMITS } from './pack-limits';
import { MANIFEST_ENTRY, PACK_SCHEMA_VERSION, serializeManifest } from './pack-manifest';
import { RUBRIC_BYTES } from './rubric';

export interface PackExportOptions {
  readonly now?: () => string;
  /** Largest audio or transcript file a pack may carry; defaults to the import limit. */
  readonly maxEntryBytes?: number;
}

export interface PackEntry {
  readonly name: string;
  readonly bytes: Buffer;
  /** Audio is stored as is: it does not compress and is streamed by readers. */
  readonly compress: boolean;
}

/** Everything a pack holds, read and generated, before any byte is written. */
export interface PackExportPlan {
  readonly packId: string;
  readonly runId: string;
  readonly projectId: string;
  readonly createdAt: string;
  /** `artifacts/packs/<pack id>.zip`, relative to the profile folder. */
  readonly localRelpath: string;
  readonly entries: readonly PackEntry[];
}

/**
 * `pack_export`: bundles a run (audio, transcript), the talk's outline, the rubric, an empty
 * review form and a small viewer into `artifacts/packs/<pack id>.zip`, registered as an
 * artifact whose id is the pack id. Reads happen first, the zip is built in memory, then the
 * file and its row are written as one unit: a failure leaves no zip and no row.
 */
export async function exportPack(
  db: DatabaseHandle,
  profileDir: string,
  input: PackExportInput,
  options: PackExportOptions = {},
): Promise<PackExportResult> {
  const plan = planPackExport(db, profileDir, input, options);
  const zip = await zipPackEntries(plan);
  return savePackExport(db, profileDir, plan, zip, options);
}

/** Reads the run, its talk and artifacts, and generates every entry of the pack. */
export function planPackExport(
  db: DatabaseHandle,
  profileDir: string,
  input: PackExportInput,
  options: PackExportOptions = {},
): PackExportPlan {
  const now = options.now ?? utcNow;
  const maxBytes = options.maxEntryBytes ?? PACK_LIMITS.maxEntryBytes;
  const run = db.get(runById, { runId: input.runId });
  if (!run) throw new DomainError(PackErrorCode.RUN_NOT_FOUND);
  if (run.audio_artifact_id === null) throw new DomainError(PackErrorCode.RUN_MISSING_AUDIO);
  if (run.transcript_id === null) throw new DomainError(PackErrorCode.RUN_MISSING_TRANSCRIPT);
  const project = db.get(projectTitleById, { projectId: run.project_id });
  if (!project) throw new DomainError(PackErrorCode.PROJECT_NOT_FOUND);
  checkArtifact(db, run.audio_artifact_id, 'audio', maxBytes);
  checkArtifact(db, run.transcript_id, 'transcript', maxBytes);

  const store = new ArtifactStore(db, profileDir);
  const transcript = withinLimit(store.read(run.transcript_id), maxBytes);
  const durationMs = transcriptDurationMs(transcript);
  const outline = Buffer.from(db.get(outlineOfProject, { projectId: run.project_id })?.outline_md ?? defaultOutline(project.title), 'utf8');
  const audio = withinLimit(store.read(run.audio_artifact_id), maxBytes);
  const viewer = viewerHtml(project.title);

  const packId = newId('pack');
  const createdAt = now();
  // Sizes and hashes are computed over the bytes that go into the zip, never copied from
  // the artifact rows: a file that drifted from its row would make a pack that fails import.
  const described: (readonly [PackEntry, string, string])[] = [
    [{ name: 'run/audio.wav', bytes: audio, compress: false }, 'audio', 'audio/wav'],
    [{ name: 'run/transcript.json', bytes: transcript, compress: true }, 'transcript', 'application/json'],
    [{ name: 'run/outline.md', bytes: outline, compress: true }, 'outline', 'text/markdown'],
    [{ name: 'rubric/rubric.json', bytes: RUBRIC_BYTES, compress: true }, 'rubric', 'application/json'],
    [{ name: 'review/review_template.json', bytes: REVIEW_TEMPLATE_BYTES, compress: true }, 'review_template', 'application/json'],
    [{ name: 'viewer/index.html', bytes: viewer, compress: true }, 'viewer', 'text/html'],
  ];
  const files: PackManifestFile[] = described.map(([entry, role, mime]) => ({
    path: entry.name,
    role,
    sha256: sha256(entry.bytes),
    bytes: entry.bytes.length,
    mime,
  }));
  const manifest: PackManifest = {
    schema_version: PACK_SCHEMA_VERSION,
    pack_id: packId,
    created_at: createdAt,
    app_version: input.appVersion,
    profile_id: input.profileId,
    project_id: run.project_id,
    run: { run_id: input.runId, duration_ms: durationMs },
    files,
  };
  return {
    packId,
    runId: input.runId,
    projectId: run.project_id,
    createdAt,
    localRelpath: `artifacts/packs/${packId}.zip`,
    entries: [
      ...described.map(([entry]) => entry),
      { name: MANIFEST_ENTRY, bytes: Buffer.from(serializeManifest(manifest), 'utf8'), compress: true },
    ],
  };
}

/** The zip in memory: entries in plan order, no folders, no comment, mode 0644. */
export async function zipPackEntries(plan: PackExportPlan): Promise<Buffer> {
  const zip = new ZipFile();
  const mtime = new Date(plan.createdAt);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
    zip.on('error', reject);
  });
  try {
    for (const entry of plan.entries) {
      zip.addBuffer(entry.bytes, entry.name, { mtime, mode: 0o100644, compress: entry.compress });
    }
    zip.end();
    return await done;
  } catch (error) {
    throw packWriteFailed(error);
  }
}

/** The folders of `artifacts/packs`, outermost first, each of which must resolve inside the profile. */
const PACK_FOLDERS = ['artifacts', 'artifacts/packs'];

/**
 * Writes the zip and registers it as the `pack` artifact whose id is the pack id, as one unit:
 * the artifact store writes the file durably (temporary name, fsync, rename, folder fsync) and
 * removes it if the row or the commit fails (the previous app left a partial zip behind on
 * failure, docs/compatibility.md#pack-2). File failures surface as `pack_write_failed`, the cause kept.
 */
export function savePackExport(
  db: DatabaseHandle,
  profileDir: string,
  plan: PackExportPlan,
  zip: Buffer,
  options: Pick<PackExportOptions, 'now'> = {},
): PackExportResult {
  const store = new ArtifactStore(db, profileDir, options.now ?? utcNow);
  const artifact = db.transaction(() => {
    // The store checks the file's own path; an existing folder on the way (a symlinked
    // `artifacts/packs` pointing elsewhere) is checked here, before anything is written.
    for (const folder of PACK_FOLDERS) resolveInside(profileDir, folder);
    // Never replaced: the store's compensation must only ever remove a file this save created.
    if (existsSync(join(profileDir, plan.localRelpath))) throw packWriteFailed(new Error('the pack file already exists'));
    try {
      return store.store({
        type: 'pack',
        folder: 'packs',
        id: plan.packId,
        ext: 'zip',
        bytes: zip,
        metadata: { pack_id: plan.packId, project_id: plan.projectId, run_id: plan.runId },
      });
    } catch (error) {
      if (isDomainError(error, ArtifactErrorCode.WRITE_FAILED)) throw packWriteFailed(error.cause);
      throw error;
    }
  });
  return { path: join(profileDir, artifact.localRelpath) };
}

function packWriteFailed(cause: unknown): DomainError {
  return new DomainError(PackErrorCode.WRITE_FAILED, PackErrorCode.WRITE_FAILED, { cause });
}

function checkArtifact(db: DatabaseHandle, artifactId: string, type: string, maxBytes: number): void {
  const row = db.get(artifactById, { artifactId });
  if (!row) throw artifactNotFound();
  if (row.type !== type) throw new DomainError(PackErrorCode.ARTIFACT_TYPE_MISMATCH);
  // Refused before reading a file no import could take back (the limit is the import's).
  if (row.bytes > maxBytes) throw new DomainError(PackErrorCode.ENTRY_TOO_LARGE);
}

function withinLimit(bytes: Buffer, maxBytes: number): Buffer {
  if (bytes.length > maxBytes) throw new DomainError(PackErrorCode.ENTRY_TOO_LARGE);
  return bytes;
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
