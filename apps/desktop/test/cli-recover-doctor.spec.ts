import { closeSync, existsSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { jsonOf, removeDir, runCli, tempDir, treeOf, withoutReaderCompanions } from './support/cli-harness';
import { createFilledDatabase, damageLeafOf, writeVerifiedBackup, zeroHeader } from './support/recovery-data';

// Every test spawns the real CLI (about half a second of startup each).
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

  beforeEach(() => {
    work = tempDir('recover');
    dataDir = path.join(work, 'data');
    createFilledDatabase(path.join(dataDir, 'global.db'), 'global', 50);
    createFilledDatabase(path.join(dataDir, PROFILE_DB), 'profile');
    writeVerifiedBackup(path.join(dataDir, PROFILE_DB), 'profile');
    createFilledDatabase(path.join(dataDir, 'profiles', 'prof_bob', 'profile.db'), 'profile', 20);
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
    expect(run.stdout).toMatch(/original kept in quarantine: corrupted\/global-global-corrupt-\d{8}T\d{6}Z\.db/);
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
    expect(quarantined[0]).toMatch(/^profiles\/prof_bob\/corrupted\/profile-profile-corrupt-\d{8}T\d{6}Z\.db$/);
    expect(existsSync(path.join(dataDir, quarantined[0] as string))).toBe(true);
  });
});
