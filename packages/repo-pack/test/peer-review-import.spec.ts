import { captureWorld, replayWithFaults, type FaultWorld } from '@lepupitre/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPeerReviewPack, recordPeerReview, storePeerReviewSources, type PeerReviewPack } from '../src';
import { importPeerReviewPack, seedReviewTalk, writePeerReviewImport } from './support/command-import';
import { FILLED_REVIEW, PACK_ID, packEntries, packParts, writeZip } from './support/pack-fixture';
import { FIXED_NOW, fixedNow, openProfile, seedRun, useTempDirs, type ProfileWorld } from './support/world';

type Row = Record<string, unknown>;

describe('peer-review import', () => {
  const tempDir = useTempDirs();
  let world: ProfileWorld;
  beforeEach(() => {
    world = openProfile(tempDir());
  });
  afterEach(() => world.db.close());

  const rows = (table: string): Row[] => captureWorld(world.databasePath, world.folder).rows[table] as Row[];
  const validZip = (): string => writeZip(tempDir(), 'review.zip', packEntries());

  it('creates a talk and its outline, then a run, five artifacts and the peer review in one unit', async () => {
    const existing = seedRun(world);
    const before = rows('artifacts').length;
    const result = await importPeerReviewPack(world.db, world.profileDir, validZip(), { now: fixedNow });

    const project = rows('talk_projects').find((p) => p['id'] === result.projectId);
    expect(project).toMatchObject({ title: `Peer review: ${PACK_ID}`, stage: 'peer_review', talk_number: 2, is_training: 0 });
    expect(rows('talk_outlines').find((o) => o['project_id'] === result.projectId)).toMatchObject({ outline_md: '# Talk\n\n## Plan\n- déjà vu\n' });
    const run = rows('runs').find((r) => r['id'] === result.runId) as Row;
    // The manifest's stamp, verbatim (docs/compatibility.md#pack-16).
    expect(run).toMatchObject({ project_id: result.projectId, created_at: '2026-03-10T08:00:00.5+00:00', feedback_id: null });
    expect(rows('peer_reviews')).toEqual([
      { id: result.peerReviewId, run_id: result.runId, created_at: FIXED_NOW, reviewer_tag: '  Alice ', review_json_artifact_id: expect.stringMatching(/^art_/) },
    ]);

    const artifacts = rows('artifacts').filter((a) => a['id'] !== existing.audioId && a['id'] !== existing.transcriptId);
    expect(artifacts).toHaveLength(5);
    expect(rows('artifacts')).toHaveLength(before + 5);
    const byType = new Map(artifacts.map((a) => [a['type'], a]));
    expect([...byType.keys()].sort()).toEqual(['audio', 'outline', 'peer_review', 'rubric', 'transcript']);
    expect(byType.get('audio')?.['id']).toBe(run['audio_artifact_id']);
    expect(byType.get('transcript')?.['id']).toBe(run['transcript_id']);
    expect(byType.get('audio')?.['metadata_json']).toBe(`{"pack_id":"${PACK_ID}","role":"audio","source":"peer_review_import"}`);
    expect(byType.get('outline')?.['local_relpath']).toMatch(/^artifacts\/outline\/art_[0-9a-f]{32}\.md$/);
    expect(byType.get('peer_review')?.['metadata_json']).toBe(
      `{"import_run_id":"${result.runId}","pack_id":"${PACK_ID}","pack_run_id":"run_33333333333333333333333333333333","project_id":"${result.projectId}","source":"peer_review_import"}`,
    );
    const parts = packParts();
    for (const [type, role] of [['audio', 'audio'], ['transcript', 'transcript'], ['outline', 'outline'], ['rubric', 'rubric'], ['peer_review', 'review_template']]) {
      const file = readFileSync(join(world.profileDir, byType.get(type)?.['local_relpath'] as string));
      expect(file).toEqual(parts.files.find((f) => f.role === role)?.data);
    }
  });

  it('is not idempotent: the same pack twice makes two talks with the next numbers (docs/compatibility.md#pack-7)', async () => {
    seedRun(world);
    const path = validZip();
    const first = await importPeerReviewPack(world.db, world.profileDir, path, { now: fixedNow });
    const second = await importPeerReviewPack(world.db, world.profileDir, path, { now: fixedNow });
    expect(second.projectId).not.toBe(first.projectId);
    const numbers = rows('talk_projects').map((p) => p['talk_number']).sort();
    expect(numbers).toEqual([1, 2, 3]);
    expect(rows('peer_reviews')).toHaveLength(2);
    expect(rows('artifacts')).toHaveLength(2 + 10);
  });

  it.each([
    ['a blank tag', { ...FILLED_REVIEW, reviewer_tag: ' \u0085\u00a0 ' }, null],
    ['a tag that is not a string', { ...FILLED_REVIEW, reviewer_tag: 42 }, null],
    ['no tag', { ...FILLED_REVIEW, reviewer_tag: undefined }, null],
    ['a review that is an array', [1, 2], null],
    ['a tag with a BOM only, which is not white space', { ...FILLED_REVIEW, reviewer_tag: '\ufeff' }, '\ufeff'],
  ])('reads %s as reviewer tag %p', async (_what, review, expected) => {
    const path = writeZip(tempDir(), 'tag.zip', packEntries(packParts({ review: Buffer.from(JSON.stringify(review)) })));
    await expect(readPeerReviewPack(path)).resolves.toMatchObject({ reviewerTag: expected });
  });

  it('refuses to attach a review to a run of another talk, undoing its savepoint', async () => {
    const seeded = seedRun(world);
    const other = seedRun(world);
    const pack = await readPeerReviewPack(validZip());
    const before = captureWorld(world.databasePath, world.folder);
    expect(() =>
      world.db.transaction(() => recordPeerReview(world.db, world.profileDir, pack, { projectId: other.projectId, runId: seeded.runId })),
    ).toThrow(expect.objectContaining({ code: 'run_not_found' }));
    expect(() =>
      world.db.transaction(() => recordPeerReview(world.db, world.profileDir, pack, { projectId: seeded.projectId, runId: 'run_missing' })),
    ).toThrow(expect.objectContaining({ code: 'run_not_found' }));
    expect(captureWorld(world.databasePath, world.folder)).toEqual(before);
  });

  it('removes the stored sources when the caller’s unit fails after them', async () => {
    seedRun(world);
    const pack = await readPeerReviewPack(validZip());
    const before = captureWorld(world.databasePath, world.folder);
    expect(() =>
      world.db.transaction(() => {
        storePeerReviewSources(world.db, world.profileDir, pack);
        throw new Error('the talk could not be created');
      }),
    ).toThrow('the talk could not be created');
    expect(captureWorld(world.databasePath, world.folder)).toEqual(before);
  });

  describe('under faults', () => {
    const packDir = useTempDirs('all');
    let pack: PeerReviewPack;
    beforeAll(async () => {
      pack = await readPeerReviewPack(writeZip(packDir(), 'review.zip', packEntries()));
    });

    it('leaves the profile exactly as before whichever step of the import unit fails', () => {
      const replays = replayWithFaults<FaultWorld & { readonly projectId: string }>({
        setup: () => {
          const fresh = openProfile(tempDir());
          seedRun(fresh);
          return { ...fresh, projectId: seedReviewTalk(fresh.databasePath, pack, { now: fixedNow }) };
        },
        flow: (w) => writePeerReviewImport(w.db, w.folder, pack, w.projectId, { now: fixedNow }),
      });
      // 4 sources × (3 file steps + insert), run, run check, review file (3) + row, peer review
      // row, commit. The talk and its outline are seeded before the unit.
      expect(replays).toHaveLength(4 * 4 + 1 + 1 + 4 + 1 + 1);
      expect(new Set(replays.map((r) => r.event.kind))).toEqual(new Set(['file', 'statement', 'commit']));
      for (const replay of replays) {
        const reached = replay.event.kind === 'file' ? (replay.error as { cause?: unknown }).cause : replay.error;
        expect(reached).toMatchObject({ code: 'DB_INJECTED_FAULT' });
        expect(replay.after).toEqual(replay.before);
      }
    });
  });
});
