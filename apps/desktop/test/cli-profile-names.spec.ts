import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { jsonOf, removeDir, runCli, tempDir } from './support/cli-harness';

/**
 * `db` commands name each profile database's profile, as the global database lists it: ids
 * alone (`prof_<32 hex>`) tell a person nothing. Reading the names writes nothing, and a global
 * database that cannot be read only leaves the names out.
 */
describe('profile names in db commands', () => {
  let work: string;
  let dataDir: string;
  beforeEach(() => {
    work = tempDir('names');
    dataDir = path.join(work, 'data');
  });
  afterEach(() => removeDir(work));

  async function createProfile(name: string): Promise<string> {
    const created = await runCli(['ipc', 'profile_create', JSON.stringify({ name }), '--data-dir', dataDir, '--json'], { cwd: work });
    expect(created.code).toBe(0);
    return String(jsonOf(created)['data']);
  }

  it('shows the name next to the id in text and JSON, for status, migrate, backup, backups, doctor and recover', async () => {
    const ada = await createProfile('Ada "the first"');
    const grace = await createProfile('Grace\u0007');
    for (const command of ['status', 'migrate', 'backup', 'backups', 'doctor']) {
      const text = await runCli(['db', command, '--data-dir', dataDir], { cwd: work });
      expect([command, text.code]).toEqual([command, 0]);
      expect(text.stdout).toContain(`profiles/${ada}/profile.db (profile "Ada "the first"")`);
      // A name is user input: shown printable, the control character escaped.
      expect(text.stdout).toContain(`profiles/${grace}/profile.db (profile "Grace\\x07")`);
      expect(text.stdout).toContain('global.db (global)');
    }
    // recover works on one database at a time: its report is headed the same way.
    const recovered = await runCli(['db', 'recover', '--data-dir', dataDir, '--profile', ada], { cwd: work });
    expect(recovered.code).toBe(0);
    expect(recovered.stdout).toContain(`profiles/${ada}/profile.db (profile "Ada "the first""): healthy`);
    const json = jsonOf(await runCli(['db', 'status', '--data-dir', dataDir, '--json'], { cwd: work }));
    const names = (json['databases'] as { database: string; profileName?: string | null }[]).map((entry) => [entry.database, entry.profileName]);
    expect(names).toEqual([
      ['global.db', undefined],
      ...[
        [`profiles/${ada}/profile.db`, 'Ada "the first"'],
        [`profiles/${grace}/profile.db`, 'Grace\\x07'],
      ].sort(),
    ]);
  });

  it('leaves the names out when the global database cannot be read, and still reports every database', async () => {
    const ada = await createProfile('Ada');
    writeFileSync(path.join(dataDir, 'global.db'), 'not a database');
    const status = await runCli(['db', 'status', '--data-dir', dataDir], { cwd: work });
    expect(status.stdout).toContain(`profiles/${ada}/profile.db (profile): tracked`);
    expect(status.stdout).toContain('global.db (global): FAILED');
  });
});
