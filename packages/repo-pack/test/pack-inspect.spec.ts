import { captureWorld } from '@lepupitre/testing';
import { statSync } from 'node:fs';
import { exportPack, inspectPack, readPeerReviewPack } from '../src';
import { PACK_ID, packEntries, packParts, writeZip } from './support/pack-fixture';
import { fixedNow, openProfile, seedRun, useTempDirs } from './support/world';

describe('pack inspect', () => {
  const tempDir = useTempDirs();

  it('describes a returned pack: manifest fields, reviewer tag, actual sizes of the files it read', async () => {
    const parts = packParts();
    const viewer = parts.manifest.files.find((f) => f.role === 'viewer') as Record<string, unknown>;
    viewer['bytes'] = 999; // never read: reported as declared (docs/compatibility.md#pack-5)
    const path = writeZip(tempDir(), 'returned pack.zip', packEntries(parts));
    const review = parts.files.find((f) => f.role === 'review_template')?.data as Buffer;

    expect(await inspectPack(path)).toEqual({
      fileName: 'returned pack.zip',
      fileBytes: statSync(path).size,
      schemaVersion: '1.0.0',
      packId: PACK_ID,
      createdAt: '2026-03-10T08:00:00.5+00:00',
      appVersion: '0.2.14',
      profileId: 'prof_11111111111111111111111111111111',
      projectId: 'proj_22222222222222222222222222222222',
      runId: 'run_33333333333333333333333333333333',
      durationMs: 3210,
      reviewerTag: '  Alice ',
      files: [
        { role: 'audio', bytes: 3000, mime: 'audio/wav' },
        { role: 'transcript', bytes: parts.files[1]?.data.length, mime: 'application/json' },
        { role: 'outline', bytes: parts.files[2]?.data.length, mime: 'text/markdown' },
        { role: 'rubric', bytes: 686, mime: 'application/json' },
        { role: 'review_template', bytes: review.length, mime: 'application/json' },
        { role: 'viewer', bytes: 999, mime: 'text/html' },
      ],
    });
    expect(review.length).not.toBe(294);
  });

  it('reads a manifest without profile_id as null, and inspects an outline the import would refuse', async () => {
    const parts = packParts({ outline: Buffer.from([0xff, 0xfe]) });
    delete parts.manifest.profile_id;
    const path = writeZip(tempDir(), 'p.zip', packEntries(parts));
    await expect(inspectPack(path)).resolves.toMatchObject({ profileId: null, reviewerTag: '  Alice ' });
    await expect(readPeerReviewPack(path)).rejects.toMatchObject({ code: 'outline_invalid_utf8' });
  });

  it('inspects a freshly exported pack without writing anything', async () => {
    const world = openProfile(tempDir());
    try {
      const { runId } = seedRun(world);
      const { path } = await exportPack(world.db, world.profileDir, { runId, profileId: null, appVersion: '0.3.0' }, { now: fixedNow });
      const before = captureWorld(world.databasePath, world.folder);
      const inspection = await inspectPack(path);
      expect(inspection).toMatchObject({ profileId: null, reviewerTag: null, appVersion: '0.3.0', runId, durationMs: 3210 });
      expect(inspection.files.map((f) => f.role)).toEqual(['audio', 'transcript', 'outline', 'rubric', 'review_template', 'viewer']);
      expect(captureWorld(world.databasePath, world.folder)).toEqual(before);
    } finally {
      world.db.close();
    }
  });
});
