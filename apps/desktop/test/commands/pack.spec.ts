import { ArtifactStore, DbError, DbErrorCode } from '@lepupitre/db-core';
import { readPeerReviewPack } from '@lepupitre/repo-pack';
import { createProject, createRun, finishRun, getActiveProject, getOutline, getRun, listProjects } from '@lepupitre/repo-talk';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { version } from '../../package.json';
import { writePeerReviewImport } from '../../src/commands/pack';
import type { CommandWorld } from '../support/command-world';
import { usePackWorld } from '../support/pack-world';
import { expectInvalid, expectRejected, refusal } from '../support/expectations';
import { readZip, storeAudio, transcriptDocument, withReview, writeZip, type MediaRun } from '../support/media-fixtures';
import { expectUnitLeavesNothing } from '../support/profile-unit-replay';

type Inspection = Record<string, unknown> & { packId: string; createdAt: string; files: { role: string; bytes: number; mime: string }[] };
type Imported = { peerReviewId: string; projectId: string; runId: string };

describe('pack commands', () => {
  const packWorld = usePackWorld();
  let world: CommandWorld;
  let speaker: string;
  let reviewer: string;
  let run: MediaRun;
  let outside: string;
  beforeEach(() => ({ world, speaker, reviewer, run, outside } = packWorld()));

  const session = (profileId: string) => world.host.connections.profile(profileId);
  const exportRun = async (): Promise<string> => (await world.ok<{ path: string }>('pack_export', { profileId: speaker, runId: run.runId })).path;

  /** A pack whose first entry is named to climb out of any folder it would be extracted to. */
  async function hostilePack(): Promise<string> {
    const entries = readZip(readFileSync(await exportRun()));
    const path = join(outside, 'hostile.zip');
    writeFileSync(path, writeZip([{ name: '../../escape.txt', data: Buffer.from('x'), method: 0 }, ...entries]));
    return path;
  }

  it('exports a run, inspects the pack and imports the filled review into another profile', async () => {
    const exported = await world.ok<{ path: string }>('pack_export', { profileId: speaker, runId: run.runId });
    expect(Object.keys(exported)).toEqual(['path']);
    expect(exported.path).toMatch(new RegExp(`^${escape(join(session(speaker).dir, 'artifacts', 'packs'))}.pack_[0-9a-f]{32}\\.zip$`));
    const packId = basename(exported.path, '.zip');
    expect(new ArtifactStore(session(speaker).db, session(speaker).dir).get(packId)).toMatchObject({ type: 'pack', localRelpath: `artifacts/packs/${packId}.zip` });

    const inspected = await world.ok<Inspection>('pack_inspect', { profileId: reviewer, path: exported.path });
    const audioBytes = statSync(run.audioPath).size;
    expect(inspected).toEqual({
      fileName: `${packId}.zip`,
      fileBytes: statSync(exported.path).size,
      schemaVersion: '1.0.0',
      packId,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?\+00:00$/),
      appVersion: version,
      profileId: speaker,
      projectId: run.projectId,
      runId: run.runId,
      durationMs: 2000,
      reviewerTag: null,
      files: [
        { role: 'audio', bytes: audioBytes, mime: 'audio/wav' },
        { role: 'transcript', bytes: expect.any(Number), mime: 'application/json' },
        { role: 'outline', bytes: expect.any(Number), mime: 'text/markdown' },
        { role: 'rubric', bytes: 686, mime: 'application/json' },
        { role: 'review_template', bytes: 294, mime: 'application/json' },
        { role: 'viewer', bytes: expect.any(Number), mime: 'text/html' },
      ],
    });
    expect(Object.keys(inspected)).toEqual(['fileName', 'fileBytes', 'schemaVersion', 'packId', 'createdAt', 'appVersion', 'profileId', 'projectId', 'runId', 'durationMs', 'reviewerTag', 'files']);

    const filled = withReview(exported.path, join(outside, 'filled.zip'));
    expect(await world.ok<Inspection>('pack_inspect', { profileId: reviewer, path: filled })).toMatchObject({ packId, reviewerTag: '  Alice ' });

    const { db } = session(reviewer);
    const current = createProject(db, { title: 'My own talk' });
    const imported = await world.ok<Imported>('peer_review_import', { profileId: reviewer, path: filled });
    expect(Object.keys(imported)).toEqual(['peerReviewId', 'projectId', 'runId']);
    expect(imported).toEqual({
      peerReviewId: expect.stringMatching(/^peer_[0-9a-f]{32}$/),
      projectId: expect.stringMatching(/^proj_[0-9a-f]{32}$/),
      runId: expect.stringMatching(/^run_[0-9a-f]{32}$/),
    });

    // A new talk at the peer-review stage, numbered after the others; the active talk stays.
    expect(listProjects(db).find((p) => p.id === imported.projectId)).toMatchObject({ title: `Peer review: ${packId}`, stage: 'peer_review', talk_number: 2, is_active: false });
    expect(getActiveProject(db)?.id).toBe(current);
    expect(getOutline(db, imported.projectId).markdown).toMatch(/^# Cache talk\n/);
    const importedRun = getRun(db, imported.runId);
    expect(importedRun).toMatchObject({ project_id: imported.projectId, created_at: inspected.createdAt, feedback_id: null });
    expect(await world.ok('transcript_get', { profileId: reviewer, transcriptId: importedRun?.transcript_id })).toEqual(transcriptDocument());
    const store = new ArtifactStore(db, session(reviewer).dir);
    expect(store.read(importedRun?.audio_artifact_id ?? '')).toEqual(readFileSync(run.audioPath));

    expect(await world.ok('peer_review_list', { profileId: reviewer, projectId: imported.projectId })).toEqual([
      { id: imported.peerReviewId, run_id: imported.runId, project_id: imported.projectId, created_at: expect.any(String), reviewer_tag: '  Alice ' },
    ]);
    expect(await world.ok('peer_review_get', { profileId: reviewer, peerReviewId: imported.peerReviewId })).toMatchObject({
      id: imported.peerReviewId,
      review: { reviewer_tag: '  Alice ', scores: { audience_fit: 3, clarity: 5, examples: 4, pacing: 2, structure: 4 } },
    });
  });

  describe('pack_export', () => {
    it.each([
      [{ runId: 'run_x' }, 'profileId'],
      [{ profileId: 'p' }, 'runId'],
      [{ profileId: 'p', runId: '' }, 'runId'],
      [{ profileId: 'p', runId: 12 }, 'runId'],
    ])('refuses the payload %j (IPC_INVALID_PAYLOAD naming %s)', async (payload, field) => {
      await expectInvalid(world, 'pack_export', payload, field);
    });

    it('refuses a payload that is not an object', async () => {
      await expectInvalid(world, 'pack_export', null, '(payload)');
    });

    it('keeps the domain codes and writes nothing on refusal', async () => {
      const { db } = session(speaker);
      const empty = createRun(db, run.projectId);
      const audioOnly = createRun(db, run.projectId);
      finishRun(db, audioOnly, storeAudio(session(speaker)).artifactId);
      await expectRejected(world, 'pack_export', { profileId: 'prof_missing', runId: run.runId }, 'profile_not_found');
      await expectRejected(world, 'pack_export', { profileId: speaker, runId: 'run_missing' }, 'run_not_found');
      await expectRejected(world, 'pack_export', { profileId: speaker, runId: empty }, 'run_missing_audio');
      await expectRejected(world, 'pack_export', { profileId: speaker, runId: audioOnly }, 'run_missing_transcript');
    });
  });

  describe('pack_inspect', () => {
    it('writes nothing', async () => {
      const path = await exportRun();
      const before = world.snapshot();
      await world.ok('pack_inspect', { profileId: reviewer, path });
      expect(world.snapshot()).toEqual(before);
    });

    it.each([
      [{ path: '/x.zip' }, 'profileId'],
      [{ profileId: '', path: '/x.zip' }, 'profileId'],
      [{ profileId: 'p' }, 'path'],
      [{ profileId: 'p', path: '' }, 'path'],
      [{ profileId: 'p', path: { name: 'x.zip' } }, 'path'],
    ])('refuses the payload %j (IPC_INVALID_PAYLOAD naming %s)', async (payload, field) => {
      await expectInvalid(world, 'pack_inspect', payload, field);
    });

    it('checks the profile, then refuses what is not a sound pack with the archive codes', async () => {
      const notAZip = join(outside, 'notes.zip');
      writeFileSync(notAZip, 'not a zip\n');
      await expectRejected(world, 'pack_inspect', { profileId: 'prof_missing', path: await exportRun() }, 'profile_not_found');
      await expectRejected(world, 'pack_inspect', { profileId: reviewer, path: join(outside, 'missing.zip') }, 'pack_stat_failed');
      await expectRejected(world, 'pack_inspect', { profileId: reviewer, path: notAZip }, 'pack_not_a_zip');
      await expectRejected(world, 'pack_inspect', { profileId: reviewer, path: await hostilePack() }, 'pack_invalid_path');
    });
  });

  describe('peer_review_import', () => {
    it.each([
      [{ path: '/x.zip' }, 'profileId'],
      [{ profileId: 'p' }, 'path'],
      [{ profileId: 'p', path: '' }, 'path'],
      [{ profileId: 'p', path: 3 }, 'path'],
    ])('refuses the payload %j (IPC_INVALID_PAYLOAD naming %s)', async (payload, field) => {
      await expectInvalid(world, 'peer_review_import', payload, field);
    });

    it('refuses a hostile pack with its code through the router, writing nothing', async () => {
      const path = await hostilePack();
      const error = await world.fail('peer_review_import', { profileId: reviewer, path });
      expect(error).toEqual(refusal('pack_invalid_path'));
      expect(error.message).not.toContain('escape');
      await expectRejected(world, 'peer_review_import', { profileId: reviewer, path }, 'pack_invalid_path');
    });

    it('refuses a pack whose audio does not match its manifest, and checks the profile first', async () => {
      const entries = readZip(readFileSync(await exportRun()));
      const tampered = join(outside, 'tampered.zip');
      writeFileSync(tampered, writeZip(entries.map((e) => (e.name === 'run/audio.wav' ? { ...e, data: Buffer.from(e.data).fill(1, 44) } : e))));
      await expectRejected(world, 'peer_review_import', { profileId: reviewer, path: tampered }, 'pack_sha_mismatch');
      await expectRejected(world, 'peer_review_import', { profileId: reviewer, path: join(outside, 'missing.zip') }, 'pack_stat_failed');
      await expectRejected(world, 'peer_review_import', { profileId: 'prof_missing', path: join(outside, 'missing.zip') }, 'profile_not_found');
    });

    it('leaves rows and files as they were when its last write fails, through the router', async () => {
      const path = withReview(await exportRun(), join(outside, 'filled.zip'));
      const { db } = session(reviewer);
      const before = world.snapshot();
      // The peer review row is written last: every other row and file exists by then.
      db.observeSteps((event) => {
        if (/insert into "peer_reviews"/i.test(event.detail)) throw new DbError(DbErrorCode.INJECTED_FAULT, 'injected fault');
      });
      try {
        expect(await world.fail('peer_review_import', { profileId: reviewer, path })).toMatchObject({ code: 'DB_INJECTED_FAULT' });
      } finally {
        db.observeSteps(undefined);
      }
      expect(world.snapshot()).toEqual(before);
      await world.ok('peer_review_import', { profileId: reviewer, path });
      expect(world.snapshot()).not.toEqual(before);
    });

    it('leaves rows and files as they were whichever step of the unit fails', async () => {
      const pack = await readPeerReviewPack(withReview(await exportRun(), join(outside, 'filled.zip')));
      // A profile that already has an active talk, which the import must leave active.
      const replays = expectUnitLeavesNothing(
        outside,
        (db) => createProject(db, { title: 'Current talk' }),
        (session) => writePeerReviewImport(session, pack),
      );
      expect(replays.length).toBeGreaterThan(20);
    });
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
