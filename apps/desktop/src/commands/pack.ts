import { utcNow } from '@lepupitre/domain-primitives';
import {
  exportPack,
  inspectPack,
  PEER_REVIEW_STAGE,
  peerReviewProjectTitle,
  readPeerReviewPack,
  recordPeerReview,
  storePeerReviewSources,
  type PeerReviewPack,
} from '@lepupitre/repo-pack';
import {
  createProject,
  createRun,
  finishRun,
  setOutline,
  setRunTranscriptId,
} from '@lepupitre/repo-talk';
import { ensureProfileExists } from '@lepupitre/repo-workspace';
import { z } from 'zod';
import { defineCommand, type AnyCommand } from './command';
import type { ProfileSession } from './command-context';
import { Id, PathResponse, Text } from './wire-schemas';

/** A pack file chosen by the user (dialog or drop); the UI trims it. */
const PackPath = z.string().min(1);

const PackInspection = z.object({
  fileName: z.string(),
  fileBytes: z.number(),
  schemaVersion: z.string(),
  packId: Text,
  createdAt: Text,
  appVersion: Text,
  profileId: Text.nullable(),
  projectId: Text,
  runId: Text,
  durationMs: z.number(),
  reviewerTag: Text.nullable(),
  files: z.array(z.object({ role: z.string(), bytes: z.number(), mime: Text })),
});

const PeerReviewImported = z.object({ peerReviewId: Text, projectId: Text, runId: Text });

export const packExport = defineCommand({
  name: 'pack_export',
  request: z.object({ profileId: Id, runId: Id }),
  response: PathResponse,
  handler: ({ profileId, runId }, context) => {
    const session = context.profile(profileId);
    return exportPack(session.db, session.dir, { runId, profileId, appVersion: context.appVersion });
  },
});

export const packInspect = defineCommand({
  name: 'pack_inspect',
  request: z.object({ profileId: Id, path: PackPath }),
  response: PackInspection,
  handler: async ({ profileId, path }, context) => {
    // Only the profile's existence: inspecting never opens (or migrates) its database.
    ensureProfileExists(context.global(), profileId);
    return inspectPack(path);
  },
});

export const peerReviewImport = defineCommand({
  name: 'peer_review_import',
  request: z.object({ profileId: Id, path: PackPath }),
  response: PeerReviewImported,
  handler: async ({ profileId, path }, context) => {
    ensureProfileExists(context.global(), profileId);
    // The archive is hostile input: every refusal happens here, before the profile database is
    // opened or anything is written (docs/compatibility.md#pack-15).
    const pack = await readPeerReviewPack(path);
    return writePeerReviewImport(context.profile(profileId), pack);
  },
});

/**
 * The writes of `peer_review_import`, in the order docs/contexts/pack.md gives, as one unit: a
 * failure at any step rolls back every row and removes every file written before it (the
 * previous app left orphan artifacts, docs/compatibility.md#pack-6).
 *
 * The review's talk starts at the `peer_review` stage and does not become the active talk: the
 * previous import never changed the user's current talk.
 */
export function writePeerReviewImport(
  session: ProfileSession,
  pack: PeerReviewPack,
  now: () => string = utcNow,
): z.output<typeof PeerReviewImported> {
  const { db, dir } = session;
  return db.transaction(() => {
    const sources = storePeerReviewSources(db, dir, pack, { now });
    const projectId = createProject(db, { title: peerReviewProjectTitle(pack) }, { now, stage: PEER_REVIEW_STAGE, activate: false });
    setOutline(db, projectId, pack.outlineText, { now });
    // The run keeps the pack's own stamp, verbatim (docs/compatibility.md#pack-16).
    const runId = createRun(db, projectId, { now: () => pack.manifest.created_at });
    finishRun(db, runId, sources.audioArtifactId);
    setRunTranscriptId(db, runId, sources.transcriptArtifactId);
    const { peerReviewId } = recordPeerReview(db, dir, pack, { projectId, runId }, { now });
    return { peerReviewId, projectId, runId };
  });
}

export const PACK_COMMANDS: readonly AnyCommand[] = [packExport, packInspect, peerReviewImport];
