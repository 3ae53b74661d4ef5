import { ArtifactStore } from '@lepupitre/db-core';
import { newId } from '@lepupitre/domain-primitives';
import { seedProfile } from '@lepupitre/fixtures';
import { FILLED_REVIEW } from './pack-fixture';
import { FIXED_NOW, fixedNow, seedRun, type ProfileWorld } from './world';

/** The filled review with some members replaced, as the bytes a reviewer's tool would write. */
export function reviewWith(members: Record<string, unknown>): Buffer {
  return Buffer.from(JSON.stringify({ ...FILLED_REVIEW, ...members }));
}

/**
 * A review whose `timestamps` holds `depth` nested arrays. Written as text: `JSON.stringify`
 * of such a value overflows the stack, which is exactly what a reader must never attempt.
 */
export function deepReview(depth: number): Buffer {
  const head = JSON.stringify({ ...FILLED_REVIEW, timestamps: 0 }).replace('"timestamps":0', '"timestamps":');
  return Buffer.from(`${head.slice(0, -1)}${'['.repeat(depth)}${']'.repeat(depth)}}`);
}

/**
 * `length` characters of letters with a terminal escape sequence (clear screen, then a hidden
 * hyperlink) every 64 characters: what an `8 MiB reviewer_tag with escape codes` is made of.
 * Pseudo-random so that deflate cannot shrink it into something the ratio check refuses.
 */
export function escapedText(length: number, seed = 5): string {
  const bytes = Buffer.alloc(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    bytes[i] = 97 + ((state >>> 16) % 26);
  }
  for (let at = 56; at + ESCAPES.length <= length; at += 64) ESCAPES.copy(bytes, at);
  return bytes.toString('latin1');
}

const ESCAPES = Buffer.from('\u001b[2J\u001b]8;;x\u0007', 'latin1');

/**
 * A peer review as an earlier version could have stored it, before any limit: the review file
 * through the artifact store, then the row with the seeding kit.
 */
export function storeReviewUnchecked(world: ProfileWorld, review: Buffer, reviewerTag: string | null): { peerReviewId: string; projectId: string } {
  const { projectId, runId } = seedRun(world);
  const artifact = world.db.transaction(() =>
    new ArtifactStore(world.db, world.profileDir, fixedNow).store({ type: 'peer_review', ext: 'json', bytes: review, metadata: {} }),
  );
  const peerReviewId = seedProfile(world.databasePath, (kit) =>
    kit.newPeerReview({ id: newId('peer'), run_id: runId, created_at: FIXED_NOW, reviewer_tag: reviewerTag, review_json_artifact_id: artifact.id }).id,
  );
  return { peerReviewId, projectId };
}
