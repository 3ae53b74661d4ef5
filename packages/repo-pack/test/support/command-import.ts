import type { DatabaseHandle } from '@lepupitre/db-core';
import {
  PEER_REVIEW_STAGE,
  peerReviewProjectTitle,
  readPeerReviewPack,
  recordPeerReview,
  storePeerReviewSources,
  type PackLimits,
  type PeerReviewPack,
} from '../../src';
import { createOutline, createProject, createRun } from './world';

export interface ImportResult {
  readonly peerReviewId: string;
  readonly projectId: string;
  readonly runId: string;
}

/**
 * `peer_review_import` as the command layer composes it (docs/contexts/pack.md): validate the
 * whole archive first, then one transaction with the pack-side and talk-side writes. The talk
 * writes are stand-ins for repo-talk's.
 */
export async function importPeerReviewPack(
  db: DatabaseHandle,
  profileDir: string,
  path: string,
  options: { now?: () => string; limits?: PackLimits } = {},
): Promise<ImportResult> {
  const pack = await readPeerReviewPack(path, options.limits);
  return writePeerReviewImport(db, profileDir, pack, options);
}

export function writePeerReviewImport(
  db: DatabaseHandle,
  profileDir: string,
  pack: PeerReviewPack,
  options: { now?: () => string } = {},
): ImportResult {
  const now = options.now ?? (() => new Date().toISOString().replace('Z', '+00:00'));
  return db.transaction(() => {
    const sources = storePeerReviewSources(db, profileDir, pack, options);
    const stamp = now();
    const projectId = createProject(db, peerReviewProjectTitle(pack), PEER_REVIEW_STAGE, stamp);
    createOutline(db, projectId, pack.outlineText, stamp);
    const runId = createRun(db, projectId, pack.manifest.created_at, sources.audioArtifactId, sources.transcriptArtifactId);
    const { peerReviewId } = recordPeerReview(db, profileDir, pack, { projectId, runId }, options);
    return { peerReviewId, projectId, runId };
  });
}
