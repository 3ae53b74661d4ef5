import { diagnoseDatabase, renderRecoveryReport, type RecoveryReport, openGuardedDatabase } from '@lepupitre/db-ops';
import { isDomainError } from '@lepupitre/domain-primitives';
import { createProfile, setGlobalPreference, writeProfilePreference } from '@lepupitre/repo-workspace';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { jsonOf, removeDir, runCli, tempDir, type CliRun } from './support/cli-harness';
import { damageLeafOf, plantCanaries, zeroHeader } from './support/recovery-data';

// Each step runs the CLI in process (see runCli); the timeout leaves room on busy machines.
jest.setTimeout(120_000);

/** A secret as a user might paste it into a preference. */
const SECRET = 'sk-live-SECRETVALUE-0123456789abcdef';

/** Every file below a folder, with its mode, and every folder. */
function walk(root: string): { files: [string, number][]; dirs: [string, number][] } {
  const files: [string, number][] = [];
  const dirs: [string, number][] = [[root, statSync(root).mode & 0o777]];
  const visit = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      const stats = statSync(full);
      if (stats.isDirectory()) {
        dirs.push([full, stats.mode & 0o777]);
        visit(full);
      } else {
        files.push([full, stats.mode & 0o777]);
      }
    }
  };
  visit(root);
  return { files, dirs };
}

function expectRefused(fn: () => void): void {
  let error: unknown;
  try {
    fn();
  } catch (caught) {
    error = caught;
  }
  expect(isDomainError(error, 'preference_key_sensitive_forbidden')).toBe(true);
}

/**
 * A data folder written only by the app (migrate, profile creation, backup, recovery), with a
 * canary string in every text column of every table, global and profile, and a secret offered
 * as a preference under sensitive keys. Then everything the operator can produce: doctor and
 * recovery reports (JSON and text, printed and written), status. No canary, no secret and no
 * absolute path may appear in any of it; the secret appears in no file at all; every file is
 * owner-only (0600) and every folder too (0700).
 */
describe('diagnostics and recovery reports are metadata only; the data folder is owner-only', () => {
  let work: string;
  let dataDir: string;

  beforeEach(() => {
    work = tempDir('metadata');
    dataDir = path.join(work, 'data');
  });

  afterEach(() => removeDir(work));

  it('plants canaries everywhere, and finds none outside the databases', async () => {
    const outputs: string[] = [];
    const record = (run: CliRun): CliRun => {
      outputs.push(run.stdout, run.stderr);
      return run;
    };

    // The app creates the data folder and the global database, then two profiles.
    expect(record(await runCli(['db', 'migrate', '--data-dir', dataDir, '--json'], { cwd: work })).code).toBe(0);
    const globalPath = path.join(dataDir, 'global.db');
    const { db: global } = openGuardedDatabase(globalPath, 'global');
    let alice: string;
    let bob: string;
    try {
      alice = createProfile(global, dataDir, 'Alice');
      bob = createProfile(global, dataDir, 'Bob');
      // A secret offered as a preference is refused, whatever the scope and the spelling.
      expectRefused(() => setGlobalPreference(global, 'lepupitre.api_token', SECRET));
      expectRefused(() => setGlobalPreference(global, 'x.API-KEY', SECRET));
      const { db: profileDb } = openGuardedDatabase(path.join(dataDir, 'profiles', alice, 'profile.db'), 'profile');
      try {
        expectRefused(() => writeProfilePreference(profileDb, 'lepupitre:client-secret', SECRET));
        expectRefused(() => writeProfilePreference(profileDb, 'sync.password', SECRET));
      } finally {
        profileDb.close();
      }
    } finally {
      global.close();
    }
    const alicePath = path.join(dataDir, 'profiles', alice, 'profile.db');
    const bobPath = path.join(dataDir, 'profiles', bob, 'profile.db');
    const canaries = [...plantCanaries(globalPath, 'G'), ...plantCanaries(alicePath, 'A'), ...plantCanaries(bobPath, 'B')];
    expect(canaries.length).toBeGreaterThan(40);

    // Backups of everything (they hold the canaries, as they must), then damage and recovery.
    expect(record(await runCli(['db', 'backup', '--data-dir', dataDir, '--json'], { cwd: work })).code).toBe(0);
    damageLeafOf(alicePath, 'quests');
    zeroHeader(bobPath);
    const recoverJson = record(await runCli(['db', 'recover', '--data-dir', dataDir, '--profile', alice, '--json'], { cwd: work }));
    expect(jsonOf(recoverJson)).toMatchObject({ ok: true, databases: [{ outcome: 'recovered' }] });
    const recoverText = record(await runCli(['db', 'recover', '--data-dir', dataDir, '--profile', bob], { cwd: work }));
    expect(recoverText.code).toBe(0);
    expect(recoverText.stdout).toContain('recovered (header-destroyed)');

    const doctorJson = record(await runCli(['db', 'doctor', '--data-dir', dataDir, '--json'], { cwd: work }));
    // The canary rows of `artifacts` name files that do not exist: doctor reports them, by kind,
    // without their canary id or path (the search below proves it), and finds nothing else.
    const doctor = jsonOf(doctorJson);
    expect(doctor).toMatchObject({ ok: false, command: 'db doctor', error: { code: 'ARTIFACT_MISSING' } });
    const doctored = doctor['databases'] as { scope: string; integrityCheck: string; problems: { code: string }[]; artifacts: unknown }[];
    expect(doctored.map((d) => [d.scope, d.integrityCheck, d.problems.map((p) => p.code)])).toEqual([
      ['global', 'ok', []],
      ['profile', 'ok', ['ARTIFACT_MISSING']],
      ['profile', 'ok', ['ARTIFACT_MISSING']],
    ]);
    expect(doctored[1]?.artifacts).toMatchObject({ rowsChecked: 1, problems: [{ kind: 'missing', artifactId: null }] });
    record(await runCli(['db', 'doctor', '--data-dir', dataDir], { cwd: work }));
    record(await runCli(['db', 'status', '--data-dir', dataDir, '--json'], { cwd: work }));

    // The library's own outputs, and the reports written beside the quarantined files.
    for (const [file, scope] of [[globalPath, 'global'], [alicePath, 'profile'], [bobPath, 'profile']] as const) {
      outputs.push(JSON.stringify(diagnoseDatabase(file, scope)));
    }
    const reportFiles = walk(dataDir).files.map(([file]) => file).filter((file) => /\.report\.(json|txt)$/.test(file));
    expect(reportFiles).toHaveLength(4);
    for (const file of reportFiles) {
      const content = readFileSync(file, 'utf8');
      outputs.push(content);
      if (file.endsWith('.json')) outputs.push(renderRecoveryReport(JSON.parse(content) as RecoveryReport).join('\n'));
    }

    const everything = outputs.join('\n');
    expect(canaries.filter((canary) => everything.includes(canary))).toEqual([]);
    expect(everything).not.toContain(SECRET);
    // No absolute path (the data folder lives under the fake home of the run), and in
    // particular no path of the user's home.
    expect(everything).not.toContain(work);

    // The secret is in no file at all: databases, WAL, backups, quarantined copies, reports.
    const { files, dirs } = walk(dataDir);
    const secretBytes = Buffer.from(SECRET);
    // The same scan finds what is there: the canaries are in the databases and their backups.
    const withCanary = files.filter(([file]) => readFileSync(file).includes(Buffer.from(canaries[0] as string)));
    expect(withCanary.length).toBeGreaterThanOrEqual(2);
    expect(files.filter(([file]) => readFileSync(file).includes(secretBytes)).map(([file]) => path.relative(dataDir, file))).toEqual([]);

    // Owner-only: every file 0600, every folder 0700.
    expect(files.filter(([, mode]) => mode !== 0o600).map(([file, mode]) => `${path.relative(dataDir, file)} ${mode.toString(8)}`)).toEqual([]);
    expect(dirs.filter(([, mode]) => mode !== 0o700).map(([dir, mode]) => `${path.relative(work, dir)} ${mode.toString(8)}`)).toEqual([]);
    expect(files.some(([file]) => file.includes(`${path.sep}corrupted${path.sep}`))).toBe(true);
    expect(files.some(([file]) => file.includes(`${path.sep}backups${path.sep}`))).toBe(true);
  });
});
