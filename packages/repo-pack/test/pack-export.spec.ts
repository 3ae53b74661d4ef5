import { ArtifactStore } from '@lepupitre/db-core';
import { isDomainError } from '@lepupitre/domain-primitives';
import { captureWorld, replayWithFaults, type FaultWorld } from '@lepupitre/testing';
import { mkdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { basename, join } from 'node:path';
import { exportPack, readPeerReviewPack } from '../src';
import { planPackExport, savePackExport, zipPackEntries, type PackExportPlan } from '../src/repo/pack-export';
import { sha256 } from './support/pack-fixture';
import { noiseWav } from './support/wav-file';
import { damage, FIXED_NOW, fixedNow, openProfile, seedRun, useTempDirs, type ProfileWorld, type SeedOptions } from './support/world';
import { listZip } from './support/zip-listing';

const INPUT = { profileId: 'prof_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', appVersion: '0.3.0' };
const TEMPLATE_SHA = '81c29f39080925bea386fb811ecbb49e5110ae83cf334ef394d7bff109730f25';
const RUBRIC_SHA = '15f6fc7e69341f5ade333d02973f5a56b042589096a444e85ba9833c1c8c7aa7';

describe('pack export', () => {
  const tempDir = useTempDirs();
  let world: ProfileWorld;
  beforeEach(() => {
    world = openProfile(tempDir());
  });
  afterEach(() => world.db.close());

  const seeded = (options: SeedOptions = {}) => seedRun(world, options);
  const run = (runId: string, maxEntryBytes?: number) =>
    exportPack(world.db, world.profileDir, { ...INPUT, runId }, { now: fixedNow, ...(maxEntryBytes ? { maxEntryBytes } : {}) });

  it('writes the zip with the seven entries in order, the manifest last, and registers it under the pack id', async () => {
    const audio = noiseWav(10_000);
    const { runId, projectId } = seeded({ audio });
    const { path } = await run(runId);

    const packId = basename(path, '.zip');
    expect(packId).toMatch(/^pack_[0-9a-f]{32}$/);
    expect(path).toBe(join(world.profileDir, 'artifacts', 'packs', `${packId}.zip`));
    expect(statSync(path).mode & 0o777).toBe(0o600);

    const zip = readFileSync(path);
    const entries = await listZip(zip);
    expect(entries.map((e) => [e.name, e.method, e.mode])).toEqual([
      ['run/audio.wav', 0, 0o100644],
      ['run/transcript.json', 8, 0o100644],
      ['run/outline.md', 8, 0o100644],
      ['rubric/rubric.json', 8, 0o100644],
      ['review/review_template.json', 8, 0o100644],
      ['viewer/index.html', 8, 0o100644],
      ['manifest.json', 8, 0o100644],
    ]);
    const byName = new Map(entries.map((e) => [e.name, e.data]));
    expect(byName.get('run/audio.wav')).toEqual(audio);
    expect(byName.get('run/outline.md')?.toString()).toBe('# Mon talk\n\n## Plan\n- déjà vu\n');
    expect(sha256(byName.get('rubric/rubric.json') as Buffer)).toBe(RUBRIC_SHA);
    expect(byName.get('review/review_template.json')?.length).toBe(294);
    expect(sha256(byName.get('review/review_template.json') as Buffer)).toBe(TEMPLATE_SHA);
    expect(byName.get('viewer/index.html')?.toString()).toBe(
      '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8" />\n' +
        '<title>Rust &amp; &lt;Kubernetes&gt; &quot;live&quot;</title>\n</head>\n<body>\n' +
        '<h1>Rust &amp; &lt;Kubernetes&gt; &quot;live&quot;</h1>\n<p>Open audio.wav and transcript.json from the pack.</p>\n</body>\n</html>\n',
    );

    const files = entries.slice(0, 6).map((e, i) => ({
      path: e.name,
      role: ['audio', 'transcript', 'outline', 'rubric', 'review_template', 'viewer'][i],
      sha256: sha256(e.data),
      bytes: e.data.length,
      mime: ['audio/wav', 'application/json', 'text/markdown', 'application/json', 'application/json', 'text/html'][i],
    }));
    const manifest = {
      schema_version: '1.0.0',
      pack_id: packId,
      created_at: FIXED_NOW,
      app_version: '0.3.0',
      profile_id: INPUT.profileId,
      project_id: projectId,
      run: { run_id: runId, duration_ms: 3210 },
      files,
    };
    expect(byName.get('manifest.json')?.toString()).toBe(JSON.stringify(manifest, null, 2));

    expect(new ArtifactStore(world.db, world.profileDir).get(packId)).toEqual({
      id: packId,
      type: 'pack',
      localRelpath: `artifacts/packs/${packId}.zip`,
      sha256: sha256(zip),
      bytes: zip.length,
      createdAt: FIXED_NOW,
      metadataJson: `{"pack_id":"${packId}","project_id":"${projectId}","run_id":"${runId}"}`,
    });
  });

  it('makes a pack its own import accepts', async () => {
    const { runId } = seeded();
    const { path } = await run(runId);
    const pack = await readPeerReviewPack(path);
    expect(pack.outlineText).toBe('# Mon talk\n\n## Plan\n- déjà vu\n');
    expect(pack.reviewerTag).toBeNull();
    expect(pack.review).toMatchObject({ rubric_id: 'tech_talk_internal.v1', reviewer_tag: '' });
  });

  it('hashes the files it packs, not the rows (docs/compatibility.md#pack-1): a stale row hash still gives a valid pack', async () => {
    const { runId, audioId } = seeded();
    damage(world, 'artifactSha', 'f'.repeat(64), audioId);
    const { path } = await run(runId);
    const pack = await readPeerReviewPack(path);
    expect(pack.manifest.files[0]).toMatchObject({ role: 'audio', sha256: sha256(pack.files.audio) });
  });

  it('generates a default outline from the title when the talk has none', async () => {
    const { runId } = seeded({ title: 'Edge <AI>', outline: null });
    const pack = await readPeerReviewPack((await run(runId)).path);
    expect(pack.outlineText).toBe(
      '# Edge <AI>\n\n## Opening\n- Hook\n- Promise\n\n## Key points\n- Point 1\n- Point 2\n- Point 3\n\n## Closing\n- Summary\n- Call to action\n',
    );
  });

  it.each([
    ['the transcript duration, even 0', '{"schema_version":"1.0.0","language":"en","duration_ms":0,"segments":[{"t_start_ms":0,"t_end_ms":900,"text":"a"}]}', 0],
    ['the last segment end without a duration', '{"schema_version":"1.0.0","language":"en","duration_ms":null,"segments":[{"t_start_ms":0,"t_end_ms":900,"text":"a"},{"t_start_ms":900,"t_end_ms":4200,"text":"b"}]}', 4200],
    ['0 without segments', '{"schema_version":"1.0.0","language":"en","segments":[]}', 0],
    // An import refuses a negative duration: the app's own packs never carry one.
    ['0 for a negative transcript duration', '{"schema_version":"1.0.0","language":"en","duration_ms":-5,"segments":[]}', 0],
  ])('records %s as the run duration', async (_what, transcript, expected) => {
    const { runId } = seeded({ transcript: Buffer.from(transcript) });
    const pack = await readPeerReviewPack((await run(runId)).path);
    expect(pack.manifest.run.duration_ms).toBe(expected);
  });

  describe('refusals leave no zip and no row', () => {
    const refusals: [string, string, (s: ReturnType<typeof seeded>) => string, number][] = [
      ['an unknown run', 'run_not_found', () => 'run_ffffffffffffffffffffffffffffffff', 0],
      ['a run whose talk is gone', 'project_not_found', (s) => (damage(world, 'deleteProjectRow', s.projectId), s.runId), 0],
      ['a run without audio', 'run_missing_audio', (s) => (damage(world, 'clearRunAudio', s.runId), s.runId), 0],
      ['a run without transcript', 'run_missing_transcript', (s) => (damage(world, 'clearRunTranscript', s.runId), s.runId), 0],
      ['an audio row that is gone', 'artifact_not_found', (s) => (damage(world, 'deleteArtifactRow', s.audioId), s.runId), 0],
      ['an audio row of another type', 'artifact_type_mismatch', (s) => (damage(world, 'artifactType', 'feedback', s.audioId), s.runId), 0],
      ['a transcript row of another type', 'artifact_type_mismatch', (s) => (damage(world, 'artifactType', 'audio', s.transcriptId), s.runId), 0],
      ['a transcript path escaping the profile', 'artifact_path_not_allowed', (s) => (damage(world, 'artifactPath', '../outside.json', s.transcriptId), s.runId), 0],
      ['an audio file that is gone', 'artifact_read_failed', (s) => (rmSync(join(world.profileDir, 'artifacts', 'audio', `${s.audioId}.wav`)), s.runId), 0],
      ['an audio file larger than a pack may carry', 'pack_entry_too_large', (s) => s.runId, 1024],
    ];
    it.each(refusals)('refuses %s with %s', async (_what, code, arrange, maxEntryBytes) => {
      // 0: the default limit
      const ids = seeded();
      const runId = arrange(ids);
      const before = captureWorld(world.databasePath, world.folder);
      await expect(run(runId, maxEntryBytes || undefined)).rejects.toMatchObject({ code });
      expect(captureWorld(world.databasePath, world.folder)).toEqual(before);
    });

    it('refuses a transcript that is not TranscriptV1 with transcript_parse_failed', async () => {
      const { runId } = seeded({ transcript: Buffer.from('{"segments":[{"t_start_ms":1.5}]}') });
      const before = captureWorld(world.databasePath, world.folder);
      await expect(run(runId)).rejects.toMatchObject({ code: 'transcript_parse_failed' });
      expect(captureWorld(world.databasePath, world.folder)).toEqual(before);
    });

    it('refuses a packs folder that leads out of the profile, writing nothing there', async () => {
      const { runId } = seeded();
      const outside = join(tempDir(), 'elsewhere');
      mkdirSync(outside);
      mkdirSync(join(world.profileDir, 'artifacts'), { recursive: true });
      symlinkSync(outside, join(world.profileDir, 'artifacts', 'packs'));
      const before = captureWorld(world.databasePath, world.folder);
      await expect(run(runId)).rejects.toMatchObject({ code: 'artifact_path_not_allowed' });
      expect(captureWorld(world.databasePath, world.folder)).toEqual(before);
      expect(captureWorld(world.databasePath, outside).files).toEqual({});
    });

    it('never replaces an existing pack file, and keeps the first one when a second save fails', async () => {
      const { runId } = seeded();
      const plan = planPackExport(world.db, world.profileDir, { ...INPUT, runId }, { now: fixedNow });
      const zip = await zipPackEntries(plan);
      const { path } = savePackExport(world.db, world.profileDir, plan, zip, { now: fixedNow });
      const before = captureWorld(world.databasePath, world.folder);
      expect(() => savePackExport(world.db, world.profileDir, plan, zip, { now: fixedNow })).toThrow(
        expect.objectContaining({ code: 'pack_write_failed' }),
      );
      expect(captureWorld(world.databasePath, world.folder)).toEqual(before);
      expect(readFileSync(path)).toEqual(zip);
    });
  });

  describe('under faults', () => {
    let plan: PackExportPlan;
    let zip: Buffer;
    const planDir = useTempDirs('all');
    beforeAll(async () => {
      const source = openProfile(planDir());
      try {
        const { runId } = seedRun(source);
        plan = planPackExport(source.db, source.profileDir, { ...INPUT, runId }, { now: fixedNow });
        zip = await zipPackEntries(plan);
      } finally {
        source.db.close();
      }
    });

    it('leaves the profile exactly as before whichever step of saving the pack fails', () => {
      const replays = replayWithFaults<FaultWorld>({
        setup: () => {
          const fresh = openProfile(tempDir());
          seedRun(fresh);
          return fresh;
        },
        flow: (w) => savePackExport(w.db, w.folder, plan, zip, { now: fixedNow }),
      });
      expect(replays.map((r) => `${r.event.kind}:${r.event.detail.split(' ').slice(0, 2).join(' ')}`)).toEqual([
        'file:artifact mkdir',
        'file:artifact write',
        'file:artifact rename',
        'statement:insert into',
        'commit:commit',
      ]);
      for (const replay of replays) {
        const reached = isDomainError(replay.error) ? replay.error.cause : replay.error;
        expect(reached).toMatchObject({ code: 'DB_INJECTED_FAULT' });
        if (replay.event.kind === 'file') expect(replay.error).toMatchObject({ code: 'pack_write_failed' });
        expect(replay.after).toEqual(replay.before);
      }
    });
  });
});
