import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { DomainError, newId, utcNow } from '@lepupitre/domain-primitives';
import type { DatabaseHandle } from '../execution/database-handle';
import { writeFileDurably } from '../files/durable-write';
import { ArtifactErrorCode, artifactNotFound, resolveInside } from './artifact-files';
import { ARTIFACTS_DIR } from './artifact-folder';
import { artifactById, deleteArtifact, insertArtifact } from './queries';

export interface ArtifactInput {
  readonly type: string;
  /** File extension without the dot: `wav`, `json`, `md`, `zip`. */
  readonly ext: string;
  readonly bytes: Uint8Array;
  readonly metadata: Readonly<Record<string, unknown>>;
  /** Defaults to a new `art_` id; pack exports use their pack id. */
  readonly id?: string;
  /** The folder under `artifacts/`; defaults to the type (pack exports use `packs`). */
  readonly folder?: string;
}

export interface Artifact {
  readonly id: string;
  readonly type: string;
  readonly localRelpath: string;
  readonly sha256: string;
  readonly bytes: number;
  readonly createdAt: string;
  readonly metadataJson: string;
}

/**
 * Artifacts: files under the profile folder plus their `artifacts` rows, written so that a
 * failure anywhere leaves neither half behind.
 *
 * Storing happens inside the caller's transaction: the file is written durably first, then the
 * row is inserted, and a compensation removes the file if the transaction rolls back at any
 * later step. Deleting removes the row in the transaction and the file only after commit, so a
 * rollback never leaves a row without its file; a removal that fails after commit leaves an
 * orphan file, which the next open's sweep sets aside and `auditArtifacts` (doctor) reports.
 */
export class ArtifactStore {
  constructor(
    private readonly db: DatabaseHandle,
    private readonly profileDir: string,
    private readonly now: () => string = utcNow,
  ) {}

  store(input: ArtifactInput): Artifact {
    const folder = input.folder ?? input.type;
    const id = input.id ?? newId('art');
    if (![input.type, folder, id].every((part) => /^[a-z0-9_]+$/.test(part)) || !/^[a-z0-9]+$/.test(input.ext)) {
      throw new DomainError(ArtifactErrorCode.PATH_NOT_ALLOWED);
    }
    const localRelpath = `${ARTIFACTS_DIR}/${folder}/${id}.${input.ext}`;
    const target = resolveInside(this.profileDir, localRelpath);
    // With a chosen id a file may already be there: overwriting it, then removing it on a
    // rollback, would destroy an earlier artifact.
    if (existsSync(target)) {
      throw new DomainError(ArtifactErrorCode.WRITE_FAILED, 'an artifact file with that name already exists');
    }
    const artifact: Artifact = {
      id,
      type: input.type,
      localRelpath,
      sha256: createHash('sha256').update(input.bytes).digest('hex'),
      bytes: input.bytes.length,
      createdAt: this.now(),
      metadataJson: JSON.stringify(sortKeys(input.metadata)),
    };
    this.db.onRollback(() => rmSync(target, { force: true }));
    try {
      writeFileDurably(target, input.bytes, (detail) => this.db.reportStep({ kind: 'file', detail: `artifact ${detail}` }));
    } catch (error) {
      if (error instanceof DomainError) throw error;
      throw new DomainError(ArtifactErrorCode.WRITE_FAILED, 'the artifact file could not be written', { cause: error });
    }
    this.db.run(insertArtifact, artifact);
    return artifact;
  }

  get(id: string): Artifact | undefined {
    const row = this.db.get(artifactById, { id });
    if (!row) return undefined;
    return {
      id: row.id as string,
      type: row.type,
      localRelpath: row.local_relpath,
      sha256: row.sha256,
      bytes: row.bytes,
      createdAt: row.created_at,
      metadataJson: row.metadata_json,
    };
  }

  /** The artifact's bytes; `artifact_not_found` without a row, `artifact_read_failed` without a file. */
  read(id: string): Buffer {
    const artifact = this.get(id);
    if (!artifact) throw artifactNotFound();
    const path = resolveInside(this.profileDir, artifact.localRelpath);
    try {
      return readFileSync(path);
    } catch (error) {
      throw new DomainError(ArtifactErrorCode.READ_FAILED, 'the artifact file cannot be read', { cause: error });
    }
  }

  /** Removes the row now and the file after commit. Idempotent: false when there was no row. */
  delete(id: string): boolean {
    const artifact = this.get(id);
    if (!artifact) return false;
    const path = resolveInside(this.profileDir, artifact.localRelpath);
    this.db.run(deleteArtifact, { id });
    this.db.afterCommit(() => rmSync(path, { force: true }));
    return true;
  }
}

/** The previous app wrote metadata keys in alphabetical order; readers must not rely on it. */
function sortKeys(value: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
