import { ArtifactStore, type DatabaseHandle } from '@lepupitre/db-core';
import { decodeWav, DomainError, encodeWav, newId, utcNow } from '@lepupitre/domain-primitives';
import { insertPeerReview, runById } from '../queries';
import type { PeerReviewPack, PeerReviewSourceArtifacts, PeerReviewTarget, RecordedPeerReview } from '../types';
import { PackErrorCode } from './pack-errors';

/** Stage of a talk created by an import: a value the normal talk flow never uses. */
export const PEER_REVIEW_STAGE = 'peer_review';
const SOURCE = 'peer_review_import';

export interface PeerReviewWriteOptions {
  readonly now?: () => string;
}

/** Title of the talk an import creates: `Peer review: <pack id>`. */
export function peerReviewProjectTitle(pack: PeerReviewPack): string {
  return `Peer review: ${pack.manifest.pack_id}`;
}

/**
 * Import, pack side, step 1: stores the pack's audio, transcript, outline and rubric as
 * artifacts, inside the caller's transaction (a savepoint of it), so that the run can point at
 * the first two. A rollback anywhere in the caller's unit removes the files (the previous app
 * committed each artifact on its own and left orphans behind, docs/compatibility.md#pack-6).
 *
 * The audio is stored as the audio import stores a WAV: the canonical file of its samples.
 * Whatever followed the samples in the pack's file (a zip or a script appended to make a
 * polyglot) is dropped, so it is never stored as audio nor exported again.
 */
export function storePeerReviewSources(
  db: DatabaseHandle,
  profileDir: string,
  pack: PeerReviewPack,
  options: PeerReviewWriteOptions = {},
): PeerReviewSourceArtifacts {
  const store = new ArtifactStore(db, profileDir, options.now ?? utcNow);
  const metadata = (role: string) => ({ pack_id: pack.manifest.pack_id, role, source: SOURCE });
  return db.transaction(() => ({
    audioArtifactId: store.store({ type: 'audio', ext: 'wav', bytes: encodeWav(decodeWav(pack.files.audio).data), metadata: metadata('audio') }).id,
    transcriptArtifactId: store.store({ type: 'transcript', ext: 'json', bytes: pack.files.transcript, metadata: metadata('transcript') }).id,
    outlineArtifactId: store.store({ type: 'outline', ext: 'md', bytes: pack.files.outline, metadata: metadata('outline') }).id,
    rubricArtifactId: store.store({ type: 'rubric', ext: 'json', bytes: pack.files.rubric, metadata: metadata('rubric') }).id,
  }));
}

/**
 * Import, pack side, last step: stores the review file as an artifact and inserts the
 * `peer_reviews` row for the run the caller created in the same transaction. The run must
 * exist and belong to the project the caller names (`run_not_found` otherwise).
 */
export function recordPeerReview(
  db: DatabaseHandle,
  profileDir: string,
  pack: PeerReviewPack,
  target: PeerReviewTarget,
  options: PeerReviewWriteOptions = {},
): RecordedPeerReview {
  const now = options.now ?? utcNow;
  const store = new ArtifactStore(db, profileDir, now);
  return db.transaction(() => {
    const run = db.get(runById, { runId: target.runId });
    if (!run || run.project_id !== target.projectId) throw new DomainError(PackErrorCode.RUN_NOT_FOUND);
    const review = store.store({
      type: 'peer_review',
      ext: 'json',
      bytes: pack.files.review_template,
      metadata: {
        import_run_id: target.runId,
        pack_id: pack.manifest.pack_id,
        pack_run_id: pack.manifest.run.run_id,
        project_id: target.projectId,
        source: SOURCE,
      },
    });
    const peerReviewId = newId('peer');
    const { changes } = db.run(insertPeerReview, {
      id: peerReviewId,
      runId: target.runId,
      createdAt: now(),
      reviewerTag: pack.reviewerTag,
      reviewArtifactId: review.id,
    });
    if (changes !== 1) throw new DomainError(PackErrorCode.PEER_REVIEW_INSERT_FAILED);
    return { peerReviewId, reviewArtifactId: review.id };
  });
}
