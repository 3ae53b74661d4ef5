import { captureWorld } from '@lepupitre/testing';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { getPeerReview, listPeerReviews, readPeerReviewPack, recordPeerReview, type PeerReviewPack } from '../src';
import { normalizeLimit } from '../src/repo/peer-reviews';
import { importPeerReviewPack } from './support/command-import';
import { FILLED_REVIEW, packEntries, packParts, writeZip } from './support/pack-fixture';
import { damage, FIXED_NOW, openProfile, seedRun, useTempDirs, type ProfileWorld } from './support/world';

describe('peer reviews', () => {
  const tempDir = useTempDirs();
  let world: ProfileWorld;
  let pack: PeerReviewPack;
  beforeEach(async () => {
    world = openProfile(tempDir());
    pack = await readPeerReviewPack(writeZip(tempDir(), 'r.zip', packEntries()));
  });
  afterEach(() => world.db.close());

  /** Reviews recorded on one run, with the given stamps. */
  function record(stamps: string[], review: PeerReviewPack = pack): { projectId: string; runId: string; ids: string[] } {
    const { projectId, runId } = seedRun(world);
    const ids = stamps.map((stamp) =>
      world.db.transaction(() => recordPeerReview(world.db, world.profileDir, review, { projectId, runId }, { now: () => stamp }).peerReviewId),
    );
    return { projectId, runId, ids };
  }

  const withReview = async (review: unknown): Promise<PeerReviewPack> =>
    readPeerReviewPack(writeZip(tempDir(), 'x.zip', packEntries(packParts({ review: Buffer.from(JSON.stringify(review)) }))));

  describe('list', () => {
    it('lists a project’s reviews newest first, ties broken by id, in the wire shape', () => {
      const { projectId, runId, ids } = record(['2026-03-01T10:00:00+00:00', '2026-03-02T10:00:00.5+00:00', '2026-03-02T10:00:00.5+00:00']);
      record(['2026-03-03T10:00:00+00:00']);
      const tied = [ids[1], ids[2]].sort().reverse();
      expect(listPeerReviews(world.db, { projectId })).toEqual([
        { id: tied[0], run_id: runId, project_id: projectId, created_at: '2026-03-02T10:00:00.5+00:00', reviewer_tag: '  Alice ' },
        { id: tied[1], run_id: runId, project_id: projectId, created_at: '2026-03-02T10:00:00.5+00:00', reviewer_tag: '  Alice ' },
        { id: ids[0], run_id: runId, project_id: projectId, created_at: '2026-03-01T10:00:00+00:00', reviewer_tag: '  Alice ' },
      ]);
    });

    it('defaults to 12 and clamps the limit to 1..100', () => {
      const { projectId } = record(Array.from({ length: 13 }, (_, i) => `2026-03-01T10:00:${String(i).padStart(2, '0')}+00:00`));
      expect(listPeerReviews(world.db, { projectId })).toHaveLength(12);
      expect(listPeerReviews(world.db, { projectId, limit: null })).toHaveLength(12);
      expect(listPeerReviews(world.db, { projectId, limit: -7 })).toHaveLength(1);
      expect(listPeerReviews(world.db, { projectId, limit: 9 })).toHaveLength(9);
      expect(listPeerReviews(world.db, { projectId, limit: 9999 })).toHaveLength(13);
      expect([normalizeLimit(undefined), normalizeLimit(0), normalizeLimit(2.9), normalizeLimit(9999), normalizeLimit(Number.NaN)]).toEqual([12, 1, 2, 100, 12]);
    });

    it('gives an empty list for an unknown project (docs/compatibility.md#pack-12)', () => {
      record(['2026-03-01T10:00:00+00:00']);
      expect(listPeerReviews(world.db, { projectId: 'proj_unknown' })).toEqual([]);
    });
  });

  describe('get', () => {
    it('returns the row and the review, scores and free text keyed alphabetically (docs/compatibility.md#pack-13)', async () => {
      seedRun(world);
      const result = await importPeerReviewPack(world.db, world.profileDir, writeZip(tempDir(), 'r.zip', packEntries()), { now: () => FIXED_NOW });
      const detail = getPeerReview(world.db, world.profileDir, result.peerReviewId);
      expect(detail).toEqual({
        id: result.peerReviewId,
        run_id: result.runId,
        project_id: result.projectId,
        created_at: FIXED_NOW,
        reviewer_tag: '  Alice ',
        review: {
          schema_version: '1.0.0',
          rubric_id: 'tech_talk_internal.v1',
          reviewer_tag: '  Alice ',
          scores: { audience_fit: 3, clarity: 5, examples: 4, pacing: 2, structure: 4 },
          free_text: { improvements: 'Slow down', strengths: 'Clear demo' },
          timestamps: [{ t_ms: 1200, note: 'nice hook' }],
        },
      });
      expect(Object.keys(detail.review.scores)).toEqual(['audience_fit', 'clarity', 'examples', 'pacing', 'structure']);
    });

    it('reads the template’s blank tag as null, which the UI schema accepts', async () => {
      const { ids } = record([FIXED_NOW], await withReview({ ...FILLED_REVIEW, reviewer_tag: '' }));
      const detail = getPeerReview(world.db, world.profileDir, ids[0] as string);
      expect(detail.reviewer_tag).toBeNull();
      expect(detail.review.reviewer_tag).toBeNull();
    });

    it.each([
      ['a review that is an array', [FILLED_REVIEW]],
      ['a review without scores', { ...FILLED_REVIEW, scores: undefined }],
      ['free text that is not an object', { ...FILLED_REVIEW, free_text: 'great' }],
      ['an empty rubric id', { ...FILLED_REVIEW, rubric_id: '' }],
      ['timestamps that are not a list', { ...FILLED_REVIEW, timestamps: {} }],
    ])('refuses %s with peer_review_parse_failed (the import accepted it)', async (_what, review) => {
      const { ids } = record([FIXED_NOW], await withReview(review));
      expect(() => getPeerReview(world.db, world.profileDir, ids[0] as string)).toThrow(
        expect.objectContaining({ code: 'peer_review_parse_failed' }),
      );
    });

    it('refuses an unknown review with peer_review_not_found', () => {
      expect(() => getPeerReview(world.db, world.profileDir, 'peer_unknown')).toThrow(expect.objectContaining({ code: 'peer_review_not_found' }));
    });

    it.each([
      ['a review artifact of another type', 'peer_review_artifact_type', (w: ProfileWorld, id: string) => damage(w, 'artifactType', 'rubric', id)],
      ['a review artifact row that is gone', 'artifact_not_found', (w: ProfileWorld, id: string) => damage(w, 'deleteArtifactRow', id)],
      ['a review file that is gone', 'artifact_read_failed', (w: ProfileWorld, id: string) => rmSync(join(w.profileDir, 'artifacts', 'peer_review', `${id}.json`))],
      ['a review path escaping the profile', 'artifact_path_not_allowed', (w: ProfileWorld, id: string) => damage(w, 'artifactPath', '../../etc/passwd', id)],
    ])('refuses %s with %s', (_what, code, arrange) => {
      const { ids } = record([FIXED_NOW]);
      const artifactId = (captureWorld(world.databasePath, world.folder).rows['peer_reviews'] as Record<string, string>[])[0]?.[
        'review_json_artifact_id'
      ] as string;
      arrange(world, artifactId);
      expect(() => getPeerReview(world.db, world.profileDir, ids[0] as string)).toThrow(expect.objectContaining({ code }));
    });
  });
});
