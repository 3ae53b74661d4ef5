import { ArtifactStore, MIGRATIONS } from '@lepupitre/db-core';
import { profileSeeder, useTemplateFolder } from '@lepupitre/fixtures';
import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sentenceOf } from '../src/errors/error-sentence';
import {
  createDatabase,
  createLegacyProfile,
  jsonOf,
  removeDir,
  runCli,
  runCliProcess,
  tempDir,
  treeOf,
  withoutReaderCompanions,
} from './support/cli-harness';
import { openGuardedDatabase } from '@lepupitre/db-ops';

// Each test runs the CLI in process (see runCli); the timeout leaves room on busy machines.
jest.setTimeout(60_000);

interface Entry {
  database: string;
  scope: string;
  ok: boolean;
  error?: { code: string; message: string };
  [key: string]: unknown;
}

const databasesOf = (json: Record<string, unknown>): Entry[] => json['databases'] as Entry[];

function titles(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT title FROM talk_projects ORDER BY rowid').pluck().all() as string[];
  } finally {
    db.close();
  }
}

function addTalk(file: string, title: string): void {
  const kit = profileSeeder(file, { clock: '2026-01-01T00:00:00+00:00' });
  try {
    kit.newTalk({ id: `proj_${title.replace(/\W/g, '_')}`, title, talk_number: null });
  } finally {
    kit.close();
  }
}

describe('lepupitre db backup | backups | restore', () => {
  let work: string;
  let dataDir: string;
  const alice = (): string => path.join(dataDir, 'profiles', 'alice', 'profile.db');
  // Built once, copied for each test: every test writes to its data folder.
  const prepared = useTemplateFolder((dir) => {
    createDatabase(path.join(dir, 'global.db'), 'global');
    createDatabase(path.join(dir, 'profiles', 'alice', 'profile.db'), 'profile');
    addTalk(path.join(dir, 'profiles', 'alice', 'profile.db'), 'Kept talk');
    createDatabase(path.join(dir, 'profiles', 'bob', 'profile.db'), 'profile');
  });

  beforeEach(() => {
    work = tempDir('backups');
    dataDir = path.join(work, 'data');
    prepared.copyTo(dataDir);
  });

  afterEach(() => removeDir(work));

  async function backupAlice(): Promise<string> {
    const run = await runCli(['db', 'backup', '--data-dir', dataDir, '--profile', 'alice', '--json'], { cwd: work });
    expect(run.code).toBe(0);
    return path.posix.basename(databasesOf(jsonOf(run))[0]?.['backup'] as string);
  }

  it('backs up every database, verified, with names relative to the data directory', async () => {
    const run = await runCli(['db', 'backup', '--data-dir', dataDir, '--json'], { cwd: work });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).not.toContain(work);
    const json = jsonOf(run);
    expect(json).toMatchObject({ ok: true, command: 'db backup' });
    const entries = databasesOf(json);
    expect(entries.map((e) => [e.database, e.ok])).toEqual([
      ['global.db', true],
      ['profiles/alice/profile.db', true],
      ['profiles/bob/profile.db', true],
    ]);
    const [global, a] = entries;
    expect(global?.['backup']).toMatch(/^backups\/global-backup-\d{8}T\d{6}Z\.db$/);
    expect(a?.['backup']).toMatch(/^profiles\/alice\/backups\/profile-backup-\d{8}T\d{6}Z\.db$/);
    expect(a?.['manifest']).toMatchObject({ kind: 'backup', scope: 'profile', schemaVersion: MIGRATIONS.profile.at(-1)?.id, verified: true });
    expect(a?.['pruned']).toEqual([]);
    const copy = path.join(dataDir, a?.['backup'] as string);
    expect(existsSync(`${copy}.json`)).toBe(true);
    expect(titles(copy)).toEqual(['Kept talk']);
  });

  it('backs up only the chosen database, and says so in text', async () => {
    const run = await runCli(['db', 'backup', '--data-dir', dataDir, '--global'], { cwd: work });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toBe(`Data directory: ${dataDir}`);
    expect(lines.slice(1)).toEqual([expect.stringMatching(/^global\.db \(global\): verified backup backups\/global-backup-\d{8}T\d{6}Z\.db \(\d+\.\d KiB, schema \S+\)$/)]);
    expect(existsSync(path.join(dataDir, 'profiles', 'alice', 'backups'))).toBe(false);
  });

  it('backs up a profile’s artifact files with it: counts in text and JSON, links the second time, lists footprints', async () => {
    const folder = path.join(dataDir, 'profiles', 'alice');
    const { db } = openGuardedDatabase(alice(), 'profile');
    const [take, transcript, lost] = db.transaction(() =>
      [Buffer.alloc(4096, 1), Buffer.alloc(1000, 2), Buffer.alloc(500, 3)].map((bytes, i) =>
        new ArtifactStore(db, folder).store({ type: i === 0 ? 'audio' : 'transcript', ext: i === 0 ? 'wav' : 'json', bytes, metadata: {} }),
      ),
    );
    db.close();
    // A file the profile lost before any backup: the backups say so, and still complete.
    rmSync(path.join(folder, lost?.localRelpath as string));

    const first = await runCli(['db', 'backup', '--data-dir', dataDir, '--profile', 'alice', '--json'], { cwd: work });
    expect(first.code).toBe(0);
    expect(first.stdout).not.toContain(work);
    const [entry] = databasesOf(jsonOf(first));
    expect(entry?.['artifacts']).toEqual({ files: 2, linked: 0, copied: 2, bytes: 5096, newBytes: 5096, missing: 1, deletedSince: 0 });
    const name = path.posix.basename(entry?.['backup'] as string);
    expect(entry?.['manifest']).toMatchObject({ artifacts: { folder: `${name}.artifacts`, count: 2, bytes: 5096, newBytes: 5096, missing: [lost?.id] } });
    expect(readFileSync(path.join(folder, 'backups', `${name}.artifacts`, take?.localRelpath as string))).toEqual(Buffer.alloc(4096, 1));

    rmSync(path.join(folder, transcript?.localRelpath as string));
    const second = await runCli(['db', 'backup', '--data-dir', dataDir, '--profile', 'alice'], { cwd: work });
    expect(second.code).toBe(0);
    // The transcript lost in the profile is still in the earlier backup: linked from there.
    expect(second.stdout).toMatch(/: verified backup \S+ \(\d+\.\d KiB, schema \S+\); artifacts: 2 files, 5\.0 KiB \(2 linked, 0 copied, 0 B new\), 1 missing\n/);

    const listed = await runCli(['db', 'backups', '--data-dir', dataDir, '--profile', 'alice', '--json'], { cwd: work });
    expect(listed.stdout).not.toContain(work);
    const backups = databasesOf(jsonOf(listed))[0]?.['backups'] as Record<string, number | null>[];
    expect(backups.map((b) => [(b['totalBytes'] as number) - (b['bytes'] as number), (b['newBytes'] as number) - (b['bytes'] as number)])).toEqual([
      [5096, 0],
      [5096, 5096],
    ]);
    expect(backups[0]?.['artifacts']).toEqual({ files: 2, bytes: 5096, newBytes: 0, missing: 1, deletedSince: 0 });
    const text = await runCli(['db', 'backups', '--data-dir', dataDir, '--profile', 'alice'], { cwd: work });
    expect(text.stdout).toMatch(/ {2}schema \S+ {2}total \d+\.\d KiB, new \d+\.\d KiB, 2 files, 1 missing\n/);
  });

  it('lists backups and snapshots newest first, and shows a changed copy as not verified', async () => {
    const first = await backupAlice();
    const second = await backupAlice(); // the same second or the next: newer either way
    const backups = path.join(dataDir, 'profiles', 'alice', 'backups');
    const bytes = readFileSync(path.join(backups, first));
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] as number) ^ 1;
    writeFileSync(path.join(backups, first), bytes);

    const run = await runCli(['db', 'backups', '--data-dir', dataDir, '--profile', 'alice', '--json'], { cwd: work });
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain(work);
    const [entry] = databasesOf(jsonOf(run));
    expect(entry).toMatchObject({ database: 'profiles/alice/profile.db', ok: true });
    expect(entry?.['backups']).toEqual([
      expect.objectContaining({ file: second, path: `profiles/alice/backups/${second}`, kind: 'backup', verified: true, problem: null }),
      expect.objectContaining({ file: first, kind: 'backup', verified: false, problem: 'sha256-mismatch' }),
    ]);

    const text = await runCli(['db', 'backups', '--data-dir', dataDir], { cwd: work });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('global.db (global): no backups');
    expect(text.stdout).toContain(`  ${first}  backup  NOT VERIFIED (sha256-mismatch)`);
    expect(text.stdout).toContain('profiles/bob/profile.db (profile): no backups');
  });

  it('restores a backup: the data is the backup’s, the replaced files are kept', async () => {
    const name = await backupAlice();
    addTalk(alice(), 'Added later');
    const run = await runCli(['db', 'restore', '--data-dir', dataDir, '--profile', 'alice', '--backup', name, '--json'], { cwd: work });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).not.toContain(work);
    const [entry] = databasesOf(jsonOf(run));
    expect(entry).toMatchObject({
      database: 'profiles/alice/profile.db',
      ok: true,
      restoredFrom: `profiles/alice/backups/${name}`,
      kind: 'backup',
      verified: true,
      appliedNow: [],
      snapshot: null,
    });
    const replaced = entry?.['replaced'] as string[];
    expect(replaced[0]).toMatch(/^profiles\/alice\/replaced\/profile-replaced-\d{8}T\d{6}Z\.db$/);
    expect(titles(alice())).toEqual(['Kept talk']);
    expect(titles(path.join(dataDir, replaced[0] as string))).toEqual(['Kept talk', 'Added later']);
  });

  it('restores a pre-migration snapshot of an older schema and migrates it', async () => {
    const carol = path.join(dataDir, 'profiles', 'carol', 'profile.db');
    createLegacyProfile(carol);
    const migrate = await runCli(['db', 'migrate', '--data-dir', dataDir, '--json'], { cwd: work });
    const snapshot = databasesOf(jsonOf(migrate)).find((e) => e.database === 'profiles/carol/profile.db')?.['snapshot'] as string;
    expect(snapshot).toMatch(/^profiles\/carol\/backups\/profile-pre-0001_init-\d{8}T\d{6}Z\.db$/);
    addTalk(carol, 'After the upgrade');

    const run = await runCli(['db', 'restore', '--data-dir', dataDir, '--profile', 'carol', '--backup', path.posix.basename(snapshot), '--json'], { cwd: work });
    expect(run.code).toBe(0);
    const [entry] = databasesOf(jsonOf(run));
    expect(entry).toMatchObject({ ok: true, kind: 'pre-migration', previousState: 'legacy', appliedNow: MIGRATIONS.profile.map((m) => m.id) });
    expect(entry?.['snapshot']).toMatch(/^profiles\/carol\/backups\/profile-pre-0001_init-\d{8}T\d{6}Z(-\d+)?\.db$/);
    expect(titles(carol)).toEqual(['Legacy talk']);
  });

  it('works on one file with --file, names relative to its folder', async () => {
    const file = path.join(work, 'loose', 'profile.db');
    createDatabase(file, 'profile');
    addTalk(file, 'Loose');
    const backup = await runCli(['db', 'backup', '--file', file, '--json'], { cwd: work });
    expect(backup.code).toBe(0);
    const name = databasesOf(jsonOf(backup))[0]?.['backup'] as string;
    expect(name).toMatch(/^backups\/profile-backup-/);
    addTalk(file, 'Later');
    const restore = await runCli(['db', 'restore', '--file', file, '--backup', path.posix.basename(name), '--json'], { cwd: work });
    expect(restore.code).toBe(0);
    expect(databasesOf(jsonOf(restore))[0]).toMatchObject({ database: 'profile.db', restoredFrom: name });
    expect(titles(file)).toEqual(['Loose']);
  });

  describe('refusals change nothing', () => {
    it.each([
      ['a path out of the backups folder', ['--profile', 'alice', '--backup', '../x.db'], 1, 'DB_BACKUP_NOT_FOUND'],
      ['a path to another database', ['--profile', 'alice', '--backup', '../../bob/profile.db'], 1, 'DB_BACKUP_NOT_FOUND'],
      ['an unknown backup', ['--profile', 'alice', '--backup', 'profile-backup-20990101T000000Z.db'], 1, 'DB_BACKUP_NOT_FOUND'],
      ['no --backup', ['--profile', 'alice'], 2, 'CLI_USAGE'],
      ['no database chosen', ['--backup', 'x.db'], 2, 'CLI_USAGE'],
      ['--profile with --global', ['--profile', 'alice', '--global', '--backup', 'x.db'], 2, 'CLI_USAGE'],
      ['a profile id that is a path', ['--profile', '../alice', '--backup', 'x.db'], 2, 'CLI_USAGE'],
      ['an unknown profile', ['--profile', 'nobody', '--backup', 'x.db'], 1, 'CLI_PROFILE_NOT_FOUND'],
    ])('restore with %s', async (_label, args, code, errorCode) => {
      await backupAlice();
      const before = treeOf(work);
      const run = await runCli(['db', 'restore', '--data-dir', dataDir, ...args, '--json'], { cwd: work });
      expect(run.code).toBe(code);
      expect(run.stdout).not.toContain(work);
      expect(jsonOf(run)).toMatchObject({ ok: false, error: { code: errorCode } });
      expect(withoutReaderCompanions(treeOf(work))).toEqual(withoutReaderCompanions(before));
    });

    it('restore of a backup without manifest needs --force', async () => {
      const name = await backupAlice();
      rmSync(path.join(dataDir, 'profiles', 'alice', 'backups', `${name}.json`));
      addTalk(alice(), 'Added later');
      const before = treeOf(work);
      const refused = await runCli(['db', 'restore', '--data-dir', dataDir, '--profile', 'alice', '--backup', name, '--json'], { cwd: work });
      expect(refused.code).toBe(1);
      expect(jsonOf(refused)).toMatchObject({ ok: false, error: { code: 'DB_BACKUP_UNVERIFIED' } });
      expect(withoutReaderCompanions(treeOf(work))).toEqual(withoutReaderCompanions(before));
      const forced = await runCli(['db', 'restore', '--data-dir', dataDir, '--profile', 'alice', '--backup', name, '--force', '--json'], { cwd: work });
      expect(forced.code).toBe(0);
      expect(databasesOf(jsonOf(forced))[0]).toMatchObject({ ok: true, verified: false });
      expect(titles(alice())).toEqual(['Kept talk']);
    });

    it('restore while another program has the database open: DB_BUSY', async () => {
      const name = await backupAlice();
      const folder = path.join(dataDir, 'profiles', 'alice');
      const withoutShm = (tree: Record<string, string>): Record<string, string> =>
        Object.fromEntries(Object.entries(tree).filter(([rel]) => !rel.endsWith('-shm')));
      // Read before the connection opens: reading the file from this process would release the
      // connection's POSIX locks (closing any descriptor of a file drops the process's locks).
      const before = withoutShm(treeOf(folder));
      const open = new Database(alice());
      try {
        open.prepare('SELECT count(*) FROM talk_projects').get();
        // Spawned: the holder is another process, as the app would be (the db family's smoke test).
        const run = await runCliProcess(['db', 'restore', '--data-dir', dataDir, '--profile', 'alice', '--backup', name], { cwd: work });
        expect(run.code).toBe(1);
        expect(run.stderr).toBe(
          `lepupitre: DB_BUSY: ${sentenceOf('DB_BUSY').en} (the database is open in another program (the app?); close it, then restore; nothing was changed)\n`,
        );
        expect(withoutShm(treeOf(folder))).toEqual(before);
      } finally {
        open.close();
      }
    });

    it('backup of a data directory whose global.db is missing: that entry fails, the others are backed up', async () => {
      rmSync(path.join(dataDir, 'global.db'));
      const run = await runCli(['db', 'backup', '--data-dir', dataDir, '--json'], { cwd: work });
      expect(run.code).toBe(1);
      const json = jsonOf(run);
      expect(json).toMatchObject({ ok: false, error: { code: 'DB_BACKUP_FAILED' } });
      expect(databasesOf(json).map((e) => [e.database, e.ok])).toEqual([
        ['global.db', false],
        ['profiles/alice/profile.db', true],
        ['profiles/bob/profile.db', true],
      ]);
      expect(existsSync(path.join(dataDir, 'backups'))).toBe(false);
    });

    it('a data directory that does not exist', async () => {
      const run = await runCli(['db', 'backups', '--data-dir', path.join(work, 'nowhere'), '--json'], { cwd: work });
      expect(run.code).toBe(1);
      expect(jsonOf(run)).toMatchObject({ ok: false, error: { code: 'CLI_DATA_DIR_NOT_FOUND' } });
      expect(readdirSync(work)).toEqual(['data']);
    });
  });
});
