import { readPeerReviewPack, recordPeerReview } from '@lepupitre/repo-pack';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startAppHost, type RunningAppHost } from '../../src/host/app-host';
import { jsonOf, runCli } from '../support/cli-harness';
import { CommandWorld } from '../support/command-world';
import { FILLED_REVIEW, seedMediaRun } from '../support/media-fixtures';
import { ipc } from './http-client';

// One test spawns the real CLI (about a second of startup, more on busy machines).
jest.setTimeout(60_000);

type Summary = { id: string; reviewer_tag: string | null };
type Imported = { peerReviewId: string; projectId: string; runId: string };

/** A review whose `timestamps` nests `depth` arrays, written as text (no serialiser could). */
function deepReview(depth: number): Buffer {
  const head = JSON.stringify({ ...FILLED_REVIEW, timestamps: 0 }).replace('"timestamps":0}', '"timestamps":');
  return Buffer.from(`${head}${'['.repeat(depth)}${']'.repeat(depth)}}`);
}

/** 8 MiB of letters with a terminal escape sequence every 64 characters. */
function escapedTag(length: number): string {
  const unit = `${'x'.repeat(53)}\u001b[2J\u001b]8;;x\u0007`;
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/**
 * Peer reviews stored before the import had limits, as an earlier version wrote them (no
 * check on the way in): a review nested 100,000 levels deep and an 8 MiB tag full of escape
 * codes. Every reader answers a typed error or a cleaned value: the router, the app host over
 * HTTP (which once answered 500 HOST_INTERNAL, for good) and the operator CLI (once
 * CLI_INTERNAL with nothing on stdout).
 */
describe('peer reviews stored before the limits', () => {
  let world: CommandWorld;
  let reviewer: string;
  let imported: Imported;
  let deepId: string;
  let host: RunningAppHost | undefined;

  beforeAll(async () => {
    world = new CommandWorld();
    const speaker = await world.createProfile('Ada');
    reviewer = await world.createProfile('Grace');
    const { runId } = seedMediaRun(world, speaker);
    const packPath = (await world.ok<{ path: string }>('pack_export', { profileId: speaker, runId })).path;
    imported = await world.ok<Imported>('peer_review_import', { profileId: reviewer, path: packPath });
    const pack = await readPeerReviewPack(packPath);
    const { db, dir } = world.host.connections.profile(reviewer);
    const poisoned = { ...pack, files: { ...pack.files, review_template: deepReview(100_000) }, reviewerTag: escapedTag(8 * 1024 * 1024) };
    deepId = recordPeerReview(db, dir, poisoned, imported).peerReviewId;
  });
  afterAll(async () => {
    await host?.close();
    await world.close();
  });

  it('answers review_limit_exceeded through the router, and lists a short, clean tag', async () => {
    expect(await world.fail('peer_review_get', { profileId: reviewer, peerReviewId: deepId })).toMatchObject({ code: 'review_limit_exceeded' });
    const listed = await world.ok<Summary[]>('peer_review_list', { profileId: reviewer, projectId: imported.projectId });
    const poisoned = listed.find((review) => review.id === deepId);
    expect(poisoned?.reviewer_tag).toMatch(/^x{53}\[2J\]8;;x/);
    expect([...(poisoned?.reviewer_tag ?? '')].length).toBeLessThanOrEqual(120);
    expect(poisoned?.reviewer_tag).not.toMatch(/\p{Cc}/u);
  });

  it('answers a typed error over HTTP, with status 200, never HOST_INTERNAL', async () => {
    host = await startAppHost({ dataDir: world.dataDir });
    const auth = { Authorization: `Bearer ${host.token}` };
    const got = await ipc(host.port, 'peer_review_get', { profileId: reviewer, peerReviewId: deepId }, auth);
    expect(got.status).toBe(200);
    expect(got.json).toMatchObject({ ok: false, error: { code: 'review_limit_exceeded' } });
    const listed = await ipc(host.port, 'peer_review_list', { profileId: reviewer, projectId: imported.projectId }, auth);
    expect(listed.status).toBe(200);
    expect(listed.text.length).toBeLessThan(4096);
  });

  it('prints the typed error from the operator CLI', async () => {
    const home = mkdtempSync(path.join(tmpdir(), 'lepupitre-poisoned-'));
    try {
      const run = await runCli(['ipc', 'peer_review_get', JSON.stringify({ profileId: reviewer, peerReviewId: deepId }), '--data-dir', world.dataDir], {
        cwd: home,
      });
      expect(jsonOf(run)).toMatchObject({ ok: false, error: { code: 'review_limit_exceeded' } });
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});
