import type { DatabaseHandle } from '@lepupitre/db-core';
import { newId } from '@lepupitre/domain-primitives';
import { seedProfile } from '@lepupitre/fixtures';
import { join } from 'node:path';
import {
  PEER_REVIEW_STAGE,
  peerReviewProjectTitle,
  readPeerReviewPack,
  recordPeerReview,
  storePeerReviewSources,
  type PackLimits,
  type PeerReviewPack,
} from '../../src';
import { createRun } from './world';

export interface ImportResult {
  readonly peerReviewId: string;
  readonly projectId: string;
  readonly runId: string;
}

/** The database file of a profile folder, as `openProfile` lays it out. */
const PROFILE_DB = 'profile.db';

const utcNow = (): string => new Date().toISOString().replace('Z', '+00:00');

/**
 * `peer_review_import` as the command layer composes it (docs/contexts/pack.md): validate the
 * whole archive first, then the talk-side and pack-side writes. The talk and its outline are
 * seeded with the kit just before the unit (this package may not import repo-talk, and the
 * command layer's own tests run the real talk writes inside it); the run, which names the
 * artifacts the unit stores, is written inside it.
 */
export async function importPeerReviewPack(
  db: DatabaseHandle,
  profileDir: string,
  path: string,
  options: { now?: () => string; limits?: PackLimits } = {},
): Promise<ImportResult> {
  const pack = await readPeerReviewPack(path, options.limits);
  const projectId = seedReviewTalk(join(profileDir, PROFILE_DB), pack, options);
  return writePeerReviewImport(db, profileDir, pack, projectId, options);
}

/** The talk an imported review gets (the next free number) and its outline; returns its id. */
export function seedReviewTalk(databasePath: string, pack: PeerReviewPack, options: { now?: () => string } = {}): string {
  return seedProfile(
    databasePath,
    (kit) => {
      const talk = kit.newTalk({ id: newId('proj'), title: peerReviewProjectTitle(pack), stage: PEER_REVIEW_STAGE });
      kit.newOutline({ project_id: talk.id, outline_md: pack.outlineText });
      return talk.id;
    },
    { clock: (options.now ?? utcNow)() },
  );
}

/** The import's unit: sources, the run, then the peer review, for the talk `projectId`. */
export function writePeerReviewImport(
  db: DatabaseHandle,
  profileDir: string,
  pack: PeerReviewPack,
  projectId: string,
  options: { now?: () => string } = {},
): ImportResult {
  return db.transaction(() => {
    const sources = storePeerReviewSources(db, profileDir, pack, options);
    const runId = createRun(db, projectId, pack.manifest.created_at, sources.audioArtifactId, sources.transcriptArtifactId);
    const { peerReviewId } = recordPeerReview(db, profileDir, pack, { projectId, runId }, options);
    return { peerReviewId, projectId, runId };
  });
}
