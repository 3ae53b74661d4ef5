import { ArtifactStore, DbError, DbErrorCode } from '@lepupitre/db-core';
import { createRun } from '@lepupitre/repo-talk';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { MAX_UPLOADED_PACK_BYTES } from '../../src/commands/pack-bytes';
import type { CommandWorld } from '../support/command-world';
import { usePackWorld } from '../support/pack-world';
import { expectInvalid, expectRejected, refusal } from '../support/expectations';
import { readZip, withReview, writeZip, type MediaRun } from '../support/media-fixtures';

type PackBytes = { fileName: string; bytes: number; zipBase64: string };
type Imported = { peerReviewId: string; projectId: string; runId: string };

describe('packs as bytes', () => {
  const packWorld = usePackWorld();
  let world: CommandWorld;
  let speaker: string;
  let reviewer: string;
  let run: MediaRun;
  let outside: string;
  beforeEach(() => ({ world, speaker, reviewer, run, outside } = packWorld()));

  const session = (profileId: string) => world.host.connections.profile(profileId);
  const exportBytes = async (): Promise<Buffer> =>
    Buffer.from((await world.ok<PackBytes>('pack_export_bytes', { profileId: speaker, runId: run.runId })).zipBase64, 'base64');
  /** A filled review of a fresh export, as the bytes a person would pick. */
  const filledBytes = async (entriesOf: (entries: ReturnType<typeof readZip>) => ReturnType<typeof readZip> = (e) => e): Promise<string> => {
    const exported = join(outside, 'exported.zip');
    writeFileSync(exported, await exportBytes());
    const filled = readFileSync(withReview(exported, join(outside, 'filled.zip')));
    return writeZip(entriesOf(readZip(filled))).toString('base64');
  };
  const stagingLeft = () => readdirSync(world.dataDir).filter((name) => name.startsWith('.pack-upload-'));

  describe('pack_export_bytes', () => {
    it('answers the zip the export wrote and registered, byte for byte', async () => {
      const answer = await world.ok<PackBytes>('pack_export_bytes', { profileId: speaker, runId: run.runId });
      expect(Object.keys(answer)).toEqual(['fileName', 'bytes', 'zipBase64']);
      expect(answer.fileName).toMatch(/^pack_[0-9a-f]{32}\.zip$/);
      const packId = basename(answer.fileName, '.zip');
      const stored = new ArtifactStore(session(speaker).db, session(speaker).dir);
      expect(stored.get(packId)).toMatchObject({ type: 'pack', localRelpath: `artifacts/packs/${packId}.zip` });
      const zip = Buffer.from(answer.zipBase64, 'base64');
      expect(zip).toEqual(readFileSync(join(session(speaker).dir, 'artifacts', 'packs', answer.fileName)));
      expect(answer.bytes).toBe(zip.length);
      const manifest = readZip(zip).find((entry) => entry.name === 'manifest.json');
      expect(JSON.parse(manifest?.data.toString('utf8') ?? '{}')).toMatchObject({ pack_id: packId, run: { run_id: run.runId } });
    });

    it.each([
      [{ runId: 'run_x' }, 'profileId'],
      [{ profileId: 'p' }, 'runId'],
      [{ profileId: 'p', runId: '' }, 'runId'],
    ])('refuses the payload %j (IPC_INVALID_PAYLOAD naming %s)', async (payload, field) => {
      await expectInvalid(world, 'pack_export_bytes', payload, field);
    });

    it('keeps the codes of pack_export and writes nothing on refusal', async () => {
      const empty = createRun(session(speaker).db, run.projectId);
      await expectRejected(world, 'pack_export_bytes', { profileId: 'prof_missing', runId: run.runId }, 'profile_not_found');
      // A path in the payload is not a key of the request: it is never read.
      await expectRejected(world, 'pack_export_bytes', { profileId: speaker, runId: 'run_missing', path: '/etc/passwd' }, 'run_not_found');
      await expectRejected(world, 'pack_export_bytes', { profileId: speaker, runId: 'run_missing' }, 'run_not_found');
      await expectRejected(world, 'pack_export_bytes', { profileId: speaker, runId: empty }, 'run_missing_audio');
    });
  });

  describe('peer_review_import_bytes', () => {
    it('imports a filled review as peer_review_import does, and leaves no staged file', async () => {
      const imported = await world.ok<Imported>('peer_review_import_bytes', { profileId: reviewer, zipBase64: await filledBytes() });
      expect(Object.keys(imported)).toEqual(['peerReviewId', 'projectId', 'runId']);
      expect(await world.ok('peer_review_list', { profileId: reviewer, projectId: imported.projectId })).toEqual([
        expect.objectContaining({ id: imported.peerReviewId, run_id: imported.runId, reviewer_tag: '  Alice ' }),
      ]);
      expect(await world.ok('peer_review_get', { profileId: reviewer, peerReviewId: imported.peerReviewId })).toMatchObject({
        review: { free_text: { strengths: 'Clear demo', improvements: 'Slow down' }, timestamps: [{ t_ms: 1200, note: 'nice hook' }] },
      });
      expect(stagingLeft()).toEqual([]);
    });

    it.each([
      [{ zipBase64: 'UEsFBg==' }, 'profileId'],
      [{ profileId: 'p' }, 'zipBase64'],
      [{ profileId: 'p', zipBase64: '' }, 'zipBase64'],
      [{ profileId: 'p', zipBase64: 'not base64!' }, 'zipBase64'],
      [{ profileId: 'p', zipBase64: 'A'.repeat(Math.ceil(MAX_UPLOADED_PACK_BYTES / 3) * 4 + 4) }, 'zipBase64'],
    ])('refuses the payload %# before reading it (IPC_INVALID_PAYLOAD naming %s)', async (payload, field) => {
      await expectInvalid(world, 'peer_review_import_bytes', payload, field);
    });

    it('refuses a pack one byte over the bound, and a path, which it never reads', async () => {
      const over = Buffer.alloc(MAX_UPLOADED_PACK_BYTES + 1).toString('base64');
      await expectInvalid(world, 'peer_review_import_bytes', { profileId: reviewer, zipBase64: over }, 'zipBase64');
      await expectInvalid(world, 'peer_review_import_bytes', { profileId: reviewer, path: '/etc/passwd' }, 'zipBase64');
    });

    it('refuses hostile archives with the codes of peer_review_import, writing nothing and leaving no staged file', async () => {
      const notAZip = Buffer.from('not a zip\n').toString('base64');
      const climbing = await filledBytes((entries) => [{ name: '../../escape.txt', data: Buffer.from('x'), method: 0 }, ...entries]);
      const tampered = await filledBytes((entries) => entries.map((e) => (e.name === 'run/audio.wav' ? { ...e, data: Buffer.from(e.data).fill(1, 44) } : e)));
      const truncated = Buffer.from(await filledBytes(), 'base64').subarray(0, 200).toString('base64');
      await expectRejected(world, 'peer_review_import_bytes', { profileId: 'prof_missing', zipBase64: notAZip }, 'profile_not_found');
      await expectRejected(world, 'peer_review_import_bytes', { profileId: reviewer, zipBase64: notAZip }, 'pack_not_a_zip');
      await expectRejected(world, 'peer_review_import_bytes', { profileId: reviewer, zipBase64: truncated }, 'pack_truncated');
      await expectRejected(world, 'peer_review_import_bytes', { profileId: reviewer, zipBase64: tampered }, 'pack_sha_mismatch');
      const error = await world.fail('peer_review_import_bytes', { profileId: reviewer, zipBase64: climbing });
      expect(error).toEqual(refusal('pack_invalid_path'));
      expect(error.message).not.toContain('escape');
      expect(error.message).not.toContain(world.dataDir);
      expect(stagingLeft()).toEqual([]);
    });

    it('leaves rows and files as they were when its last write fails', async () => {
      const zipBase64 = await filledBytes();
      const { db } = session(reviewer);
      const before = world.snapshot();
      db.observeSteps((event) => {
        if (/insert into "peer_reviews"/i.test(event.detail)) throw new DbError(DbErrorCode.INJECTED_FAULT, 'injected fault');
      });
      try {
        expect(await world.fail('peer_review_import_bytes', { profileId: reviewer, zipBase64 })).toMatchObject({ code: 'DB_INJECTED_FAULT' });
      } finally {
        db.observeSteps(undefined);
      }
      expect(world.snapshot()).toEqual(before);
      expect(stagingLeft()).toEqual([]);
    });

    it('removes a staging folder a killed host left behind', async () => {
      mkdirSync(join(world.dataDir, '.pack-upload-left'));
      writeFileSync(join(world.dataDir, '.pack-upload-left', 'pack.zip'), 'partial');
      await world.ok('peer_review_import_bytes', { profileId: reviewer, zipBase64: await filledBytes() });
      expect(stagingLeft()).toEqual([]);
    });
  });
});
