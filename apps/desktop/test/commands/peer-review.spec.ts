import { readPeerReviewPack, recordPeerReview } from '@lepupitre/repo-pack';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommandWorld } from '../support/command-world';
import { FILLED_REVIEW, seedMediaRun, withReview } from '../support/media-fixtures';
import { useWorldTemplate } from '../support/world-template';

type Imported = { peerReviewId: string; projectId: string; runId: string };
type Summary = { id: string; run_id: string; project_id: string; created_at: string; reviewer_tag: string | null };

describe('peer review commands', () => {
  let world: CommandWorld;
  let reviewer: string;
  let packPath: string;
  let outside: string;
  // Built once, copied for each test: the speaker's exported pack and a reviewer to import it.
  const copy = useWorldTemplate(async (template) => {
    const speaker = await template.createProfile('Ada');
    const reviewer = await template.createProfile('Grace');
    const { runId } = seedMediaRun(template, speaker);
    return { reviewer, packPath: (await template.ok<{ path: string }>('pack_export', { profileId: speaker, runId })).path };
  });
  beforeEach(() => {
    ({ world, fixture: { reviewer, packPath } } = copy());
    outside = mkdtempSync(join(tmpdir(), 'lepupitre-reviews-'));
  });
  afterEach(() => rmSync(outside, { recursive: true, force: true }));

  /** Imports the pack as exported: the review is the untouched template. */
  const importTemplate = (): Promise<Imported> => world.ok<Imported>('peer_review_import', { profileId: reviewer, path: packPath });
  const importReview = (review: unknown = FILLED_REVIEW): Promise<Imported> =>
    world.ok<Imported>('peer_review_import', { profileId: reviewer, path: withReview(packPath, join(outside, 'filled.zip'), review) });

  async function expectInvalid(name: string, payload: unknown, field: string): Promise<void> {
    const error = await world.fail(name, payload);
    expect(error.code).toBe('IPC_INVALID_PAYLOAD');
    expect(error.message).toContain(field);
  }

  describe('peer_review_list', () => {
    it('lists a talk’s reviews newest first, in snake_case, 12 by default', async () => {
      const imported = await importReview({ schema_version: '1.0.0', rubric_id: 'r', reviewer_tag: 'Bob', scores: {}, free_text: {}, timestamps: [] });
      const { db, dir } = world.host.connections.profile(reviewer);
      // More reviews of the same imported run, later in time, as a second reviewer's would be.
      const pack = await readPeerReviewPack(packPath);
      const stamps = Array.from({ length: 13 }, (_, i) => `2099-01-01T00:00:${String(i).padStart(2, '0')}.000+00:00`);
      const later = stamps.map((stamp) => recordPeerReview(db, dir, pack, imported, { now: () => stamp }).peerReviewId);

      const all = await world.ok<Summary[]>('peer_review_list', { profileId: reviewer, projectId: imported.projectId });
      expect(all).toHaveLength(12);
      expect(Object.keys(all[0] ?? {})).toEqual(['id', 'run_id', 'project_id', 'created_at', 'reviewer_tag']);
      expect(all[0]).toEqual({ id: later[12], run_id: imported.runId, project_id: imported.projectId, created_at: stamps[12], reviewer_tag: null });
      expect(all.map((r) => r.id)).toEqual(later.slice(1).reverse());

      const newest = await world.ok<Summary[]>('peer_review_list', { profileId: reviewer, projectId: imported.projectId, limit: 1 });
      expect(newest.map((r) => r.id)).toEqual([later[12]]);
      const many = await world.ok<Summary[]>('peer_review_list', { profileId: reviewer, projectId: imported.projectId, limit: 500 });
      expect(many).toHaveLength(14);
      expect(many[13]).toMatchObject({ id: imported.peerReviewId, reviewer_tag: 'Bob' });
      expect(await world.ok<Summary[]>('peer_review_list', { profileId: reviewer, projectId: imported.projectId, limit: null })).toHaveLength(12);
    });

    it('answers [] for a talk it does not know (docs/compatibility.md#pack-12)', async () => {
      expect(await world.ok('peer_review_list', { profileId: reviewer, projectId: 'proj_missing' })).toEqual([]);
    });

    it.each([
      [{ projectId: 'proj_x' }, 'profileId'],
      [{ profileId: 'p' }, 'projectId'],
      [{ profileId: 'p', projectId: '' }, 'projectId'],
      [{ profileId: 'p', projectId: 'proj_x', limit: 0 }, 'limit'],
      [{ profileId: 'p', projectId: 'proj_x', limit: -7 }, 'limit'],
      [{ profileId: 'p', projectId: 'proj_x', limit: 1.5 }, 'limit'],
      [{ profileId: 'p', projectId: 'proj_x', limit: '3' }, 'limit'],
    ])('refuses the payload %j (IPC_INVALID_PAYLOAD naming %s)', async (payload, field) => {
      await expectInvalid('peer_review_list', payload, field);
    });

    it('refuses an unknown profile and a payload that is not an object', async () => {
      expect(await world.fail('peer_review_list', { profileId: 'prof_missing', projectId: 'proj_x' })).toMatchObject({ code: 'profile_not_found' });
      await expectInvalid('peer_review_list', 'proj_x', '(payload)');
    });
  });

  describe('peer_review_get', () => {
    it('returns the review with its row, keys in the previous order, scores and free text sorted', async () => {
      const imported = await importReview();
      const review = await world.ok<Record<string, unknown> & { review: Record<string, unknown> }>('peer_review_get', { profileId: reviewer, peerReviewId: imported.peerReviewId });
      expect(Object.keys(review)).toEqual(['id', 'run_id', 'project_id', 'created_at', 'reviewer_tag', 'review']);
      expect(review).toEqual({
        id: imported.peerReviewId,
        run_id: imported.runId,
        project_id: imported.projectId,
        created_at: expect.stringMatching(/\+00:00$/),
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
      expect(Object.keys(review.review)).toEqual(['schema_version', 'rubric_id', 'reviewer_tag', 'scores', 'free_text', 'timestamps']);
      expect(Object.keys(review.review['scores'] as object)).toEqual(['audience_fit', 'clarity', 'examples', 'pacing', 'structure']);
    });

    it('reads the untouched template’s blank tag as null, which the UI accepts', async () => {
      const imported = await importTemplate();
      expect(await world.ok('peer_review_get', { profileId: reviewer, peerReviewId: imported.peerReviewId })).toMatchObject({
        reviewer_tag: null,
        review: { reviewer_tag: null, scores: { clarity: 3 }, free_text: { strengths: '' }, timestamps: [] },
      });
    });

    it.each([
      [{ peerReviewId: 'peer_x' }, 'profileId'],
      [{ profileId: 'p' }, 'peerReviewId'],
      [{ profileId: 'p', peerReviewId: '' }, 'peerReviewId'],
      [{ profileId: 'p', peerReviewId: false }, 'peerReviewId'],
    ])('refuses the payload %j (IPC_INVALID_PAYLOAD naming %s)', async (payload, field) => {
      await expectInvalid('peer_review_get', payload, field);
    });

    it('keeps the domain codes', async () => {
      // Any JSON imports (the review is the reviewer's file); its shape is checked when read back.
      const odd = await importReview([1, 2, 3]);
      const blankRubric = await importReview({ schema_version: '1.0.0', rubric_id: '', scores: {}, free_text: {}, timestamps: [] });
      expect(await world.fail('peer_review_get', { profileId: 'prof_missing', peerReviewId: odd.peerReviewId })).toMatchObject({ code: 'profile_not_found' });
      expect(await world.fail('peer_review_get', { profileId: reviewer, peerReviewId: 'peer_missing' })).toMatchObject({ code: 'peer_review_not_found' });
      expect(await world.fail('peer_review_get', { profileId: reviewer, peerReviewId: odd.peerReviewId })).toMatchObject({ code: 'peer_review_parse_failed' });
      expect(await world.fail('peer_review_get', { profileId: reviewer, peerReviewId: blankRubric.peerReviewId })).toMatchObject({ code: 'peer_review_parse_failed' });
    });
  });
});
