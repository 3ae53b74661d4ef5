import { useTemplateFolder } from '@lepupitre/fixtures';
import { ArtifactStore, type Artifact } from '@lepupitre/db-core';
import { newId } from '@lepupitre/domain-primitives';
import { appendFileSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { jsonOf, removeDir, runCli, tempDir, treeOf, withoutReaderCompanions } from './support/cli-harness';
import { createFilledDatabase, damageLeafOf, writeVerifiedBackup, zeroHeader } from './support/recovery-data';
import { openGuardedDatabase } from '@lepupitre/db-ops';

// Each test runs the CLI in process (see runCli); the timeout leaves room on busy machines.
jest.setTimeout(60_000);

interface Entry {
  database: string;
  scope: string;
  ok: boolean;
  [key: string]: unknown;
}

const PROFILE = 'prof_alice';
const PROFILE_DB = `profiles/${PROFILE}/profile.db`;

describe('lepupitre db doctor and db recover', () => {
  let work: string;
  let dataDir: string;

  // Built once, copied for each test: most tests damage or recover their databases.
  const prepared = useTemplateFolder((dir) => {
    createFilledDatabase(path.join(dir, 'global.db'), 'global', 50);
    createFilledDatabase(path.join(dir, PROFILE_DB), 'profile');
    writeVerifiedBackup(path.join(dir, PROFILE_DB), 'profile');
    createFilledDatabase(path.join(dir, 'profiles', 'prof_bob', 'profile.db'), 'profile', 20);
  });

  beforeEach(() => {
    work = tempDir('recover');
    dataDir = path.join(work, 'data');
    prepared.copyTo(dataDir);
  });

  afterEach(() => removeDir(work));

  it('doctor without a target covers global and every profile, metadata only, and is not ok when one is damaged', async () => {
    damageLeafOf(path.join(dataDir, PROFILE_DB), 'runs');
    const before = withoutReaderCompanions(treeOf(dataDir));
    const run = await runCli(['db', 'doctor', '--data-dir', dataDir, '--json'], { cwd: work });
    expect(run.code).toBe(1);
    const json = jsonOf(run);
    expect(json).toMatchObject({ ok: false, command: 'db doctor', error: { code: 'DB_CORRUPT' } });
    const entries = json['databases'] as Entry[];
    expect(entries.map((e) => [e.database, e.ok, e['integrityCheck']])).toEqual([
      ['global.db', true, 'ok'],
      [PROFILE_DB, false, 'failed'],
      ['profiles/prof_bob/profile.db', true, 'ok'],
    ]);
    expect(entries[1]).toMatchObject({ backups: { count: 1, verified: 1 }, continuityOk: true, foreignKeyViolations: 0 });
    expect(run.stdout).not.toContain(work);
    // Doctor writes nothing.
    expect(withoutReaderCompanions(treeOf(dataDir))).toEqual(before);

    const text = await runCli(['db', 'doctor', '--data-dir', dataDir, '--profile', PROFILE, '--quick'], { cwd: work });
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(`${PROFILE_DB} (profile): 1 problem(s)`);
    expect(text.stdout).toContain('integrity:   failed (quick_check');
    expect(text.stdout + text.stderr).not.toContain(work);
  });

  it('doctor checks the artifact files of a profile against their rows, by ids, hashing unless --quick', async () => {
    const profileDir = path.join(dataDir, 'profiles', 'prof_bob');
    const { db } = openGuardedDatabase(path.join(profileDir, 'profile.db'), 'profile');
    let artifacts: Artifact[];
    try {
      const store = new ArtifactStore(db, profileDir);
      artifacts = db.transaction(() => [0, 1, 2, 3].map((i) => store.store({ type: 'audio', ext: 'wav', bytes: Buffer.alloc(256, i), metadata: {} })));
    } finally {
      db.close();
    }
    const [missing, resized, rewritten] = artifacts as [Artifact, Artifact, Artifact, Artifact];
    const fileOf = (a: Artifact): string => path.join(profileDir, a.localRelpath);
    rmSync(fileOf(missing));
    appendFileSync(fileOf(resized), 'x');
    writeFileSync(fileOf(rewritten), Buffer.alloc(256, 9));
    const strays = Array.from({ length: 22 }, () => newId('art'));
    for (const id of strays) writeFileSync(path.join(profileDir, 'artifacts', 'audio', `${id}.wav`), 'no row');
    writeFileSync(path.join(profileDir, 'artifacts', 'audio', '.0a1b2c.tmp'), 'half');
    writeFileSync(path.join(work, 'elsewhere'), 'outside the data folder');
    symlinkSync(path.join(work, 'elsewhere'), path.join(profileDir, 'artifacts', 'audio', 'link.wav'));
    mkdirSync(path.join(profileDir, 'orphaned'));
    writeFileSync(path.join(profileDir, 'orphaned', 'old.wav'), 'set aside earlier');
    const before = withoutReaderCompanions(treeOf(dataDir));

    const run = await runCli(['db', 'doctor', '--data-dir', dataDir, '--json'], { cwd: work });
    expect(run.code).toBe(1);
    const json = jsonOf(run);
    expect(json).toMatchObject({ ok: false, error: { code: 'ARTIFACT_MISSING' } });
    const entries = json['databases'] as Entry[];
    expect(entries.map((e) => [e.database, e.ok])).toEqual([
      ['global.db', true],
      [PROFILE_DB, true],
      ['profiles/prof_bob/profile.db', false],
    ]);
    expect(entries[0]).toMatchObject({ artifacts: null, orphanedFiles: 0 });
    expect(entries[1]).toMatchObject({ artifacts: { rowsChecked: 0, hashed: true, problems: [] }, orphanedFiles: 0 });
    const bob = entries[2] as Entry & { artifacts: { problems: { kind: string; artifactId: string | null }[] }; problems: { code: string; message: string }[] };
    expect(bob).toMatchObject({ integrityCheck: 'ok', orphanedFiles: 1, artifacts: { rowsChecked: 4, bytesChecked: 512, hashed: true } });
    expect(bob.problems.map((p) => p.code)).toEqual([
      'ARTIFACT_MISSING',
      'ARTIFACT_SIZE_MISMATCH',
      'ARTIFACT_SHA256_MISMATCH',
      'ARTIFACT_STRAY_FILE',
      'ARTIFACT_TEMPORARY_FILE',
      'ARTIFACT_NOT_A_FILE',
    ]);
    expect(bob.problems[0]?.message).toContain('lepupitre db restore');
    expect(bob.problems[3]?.message).toContain('the next open of the profile sets them aside in orphaned/');
    // Rows' problems in id order, then the folder's in path order.
    const rowProblems = [
      { kind: 'missing', artifactId: missing.id },
      { kind: 'size-mismatch', artifactId: resized.id },
      { kind: 'sha256-mismatch', artifactId: rewritten.id },
    ].sort((a, b) => (a.artifactId < b.artifactId ? -1 : 1));
    expect(bob.artifacts.problems).toEqual([
      ...rowProblems,
      { kind: 'temporary-file', artifactId: null },
      ...[...strays].sort().map((id) => ({ kind: 'stray-file', artifactId: id })),
      { kind: 'not-a-file', artifactId: null },
    ]);
    expect(run.stdout).not.toContain(work);
    expect(run.stdout).not.toMatch(/\.wav|0a1b2c|elsewhere/);

    const text = await runCli(['db', 'doctor', '--data-dir', dataDir, '--profile', 'prof_bob'], { cwd: work });
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('profiles/prof_bob/profile.db (profile): 6 problem(s)');
    expect(text.stdout).toContain('  artifacts:   27 problem(s): 4 row(s), 512 B size and sha256 checked');
    expect(text.stdout).toContain(`    missing: 1 (${missing.id})`);
    expect(text.stdout).toContain(`    sha256-mismatch: 1 (${rewritten.id})`);
    expect(text.stdout).toContain(`    stray-file: 22 (${[...strays].sort().slice(0, 20).join(', ')}, and 2 more)`);
    expect(text.stdout).toContain('    temporary-file: 1 (1 without an id)');
    expect(text.stdout).toContain('  orphaned:    1 file(s) set aside by earlier opens');
    expect(text.stdout).toMatch(/problem: +ARTIFACT_SIZE_MISMATCH: 1 artifact file\(s\) of another size .*lepupitre db restore/);
    expect(text.stdout + text.stderr).not.toContain(work);

    const quick = await runCli(['db', 'doctor', '--data-dir', dataDir, '--profile', 'prof_bob', '--quick'], { cwd: work });
    expect(quick.code).toBe(1);
    expect(quick.stdout).toContain('  artifacts:   26 problem(s): 4 row(s), 512 B existence and size only, not hashed (--quick)');
    expect(quick.stdout).toContain(`    size-mismatch: 1 (${resized.id})`);
    expect(quick.stdout).not.toContain('sha256-mismatch');
    // Doctor writes nothing: stray and temporary files wait for the next open's sweep.
    expect(withoutReaderCompanions(treeOf(dataDir))).toEqual(before);
  });

  it('recover rebuilds a damaged profile database and prints where everything went, relative to the data directory', async () => {
    damageLeafOf(path.join(dataDir, PROFILE_DB), 'runs');
    const run = await runCli(['db', 'recover', '--data-dir', dataDir, '--profile', PROFILE, '--json'], { cwd: work });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const json = jsonOf(run);
    expect(json).toMatchObject({ ok: true, command: 'db recover' });
    const [entry] = json['databases'] as Entry[];
    expect(entry).toMatchObject({ database: PROFILE_DB, ok: true, outcome: 'recovered' });
    const report = entry?.['report'] as { quarantined: string[]; reportFiles: string[]; backupUsed: string; result: unknown };
    // The seeded backup carries an earlier version's name (`recovery-data.ts`): still found and used.
    expect(report.backupUsed).toBe(`profiles/${PROFILE}/backups/profile-profile-backup-20260201T000000Z.db`);
    for (const file of [...report.quarantined, ...report.reportFiles]) {
      expect(file.startsWith(`profiles/${PROFILE}/corrupted/`)).toBe(true);
      expect(existsSync(path.join(dataDir, file))).toBe(true);
    }
    expect(report.result).toEqual({ schemaVersion: expect.any(String), integrityCheck: 'ok', foreignKeyViolations: 0 });
    expect(run.stdout).not.toContain(work);

    const doctor = await runCli(['db', 'doctor', '--data-dir', dataDir, '--profile', PROFILE, '--json'], { cwd: work });
    expect(doctor.code).toBe(0);
    expect((jsonOf(doctor)['databases'] as Entry[])[0]).toMatchObject({ integrityCheck: 'ok', quarantinedFiles: report.quarantined.length });
  });

  it('recover in text mode shows the report, and a healthy database is left alone', async () => {
    zeroHeader(path.join(dataDir, 'global.db'));
    const run = await runCli(['db', 'recover', '--data-dir', dataDir, '--global'], { cwd: work });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('global.db (global): recovered (header-destroyed)');
    expect(run.stdout).toMatch(/original kept in quarantine: corrupted\/global-corrupt-\d{8}T\d{6}Z\.db/);
    expect(run.stdout).toContain('result: schema');
    const written = readFileSync(path.join(dataDir, run.stdout.match(/report: (corrupted\/\S+\.report\.json)/)?.[1] ?? 'missing'), 'utf8');
    expect(JSON.parse(written)).toMatchObject({ outcome: 'recovered', scope: 'global' });

    const before = withoutReaderCompanions(treeOf(dataDir));
    const healthy = await runCli(['db', 'recover', '--data-dir', dataDir, '--profile', 'prof_bob', '--json'], { cwd: work });
    expect(healthy.code).toBe(0);
    expect((jsonOf(healthy)['databases'] as Entry[])[0]).toMatchObject({ ok: true, outcome: 'healthy', report: { quarantined: [] } });
    const after = withoutReaderCompanions(treeOf(dataDir));
    expect(Object.keys(after).filter((f) => !f.endsWith('.lock'))).toEqual(Object.keys(before).filter((f) => !f.endsWith('.lock')));
    expect(existsSync(path.join(dataDir, 'profiles', 'prof_bob', 'corrupted'))).toBe(false);
  });

  it('recover needs exactly one database, and refuses what is not corruption with its code', async () => {
    const usage = await runCli(['db', 'recover', '--data-dir', dataDir, '--json'], { cwd: work });
    expect(usage.code).toBe(2);
    expect(jsonOf(usage)).toMatchObject({ ok: false, error: { code: 'CLI_USAGE' } });

    const notFound = await runCli(['db', 'recover', '--data-dir', dataDir, '--profile', 'prof_nobody', '--json'], { cwd: work });
    expect(jsonOf(notFound)).toMatchObject({ ok: false, error: { code: 'CLI_PROFILE_NOT_FOUND' } });

    const foreign = path.join(work, 'notes.db');
    writeFileSync(foreign, 'my notes, not a database\n');
    const refused = await runCli(['db', 'recover', '--file', foreign, '--scope', 'profile', '--json'], { cwd: work });
    expect(refused.code).toBe(1);
    expect(jsonOf(refused)).toMatchObject({ ok: false, error: { code: 'DB_NOT_A_DATABASE' } });
    expect(readFileSync(foreign, 'utf8')).toBe('my notes, not a database\n');
  });

  it('when nothing can be done, the error is typed and the original is in quarantine with a report', async () => {
    const file = path.join(dataDir, 'profiles', 'prof_bob', 'profile.db');
    // The schema page destroyed behind an intact header, and no backup of bob.
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(3996, 0x5a), 0, 3996, 100);
    closeSync(fd);
    const run = await runCli(['db', 'recover', '--data-dir', dataDir, '--profile', 'prof_bob', '--json'], { cwd: work });
    expect(run.code).toBe(1);
    const json = jsonOf(run);
    expect(json).toMatchObject({ ok: false, error: { code: 'DB_RECOVERY_NO_SNAPSHOT' } });
    const [entry] = json['databases'] as Entry[];
    expect(entry).toMatchObject({ ok: false, outcome: 'failed' });
    const quarantined = (entry?.['report'] as { quarantined: string[] }).quarantined;
    expect(quarantined[0]).toMatch(/^profiles\/prof_bob\/corrupted\/profile-corrupt-\d{8}T\d{6}Z\.db$/);
    expect(existsSync(path.join(dataDir, quarantined[0] as string))).toBe(true);
  });
});
