import Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, lstatSync, lutimesSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ArtifactStore, DbErrorCode, type DatabaseHandle } from '@lepupitre/db-core';
import { backupDatabaseFile, listBackups, type BackupArtifacts, type BackupManifest, type BackupStep, openGuardedDatabase } from '../../src';
import { backupDatabase } from '../../src/backups/take-backup';
import { useTempDir } from '@lepupitre/fixtures';
import { createProfile } from './support/backup-fixtures';

const NOW = new Date('2026-11-25T08:09:10Z');
const later = (minutes: number): Date => new Date(NOW.getTime() + minutes * 60_000);
const PACK_ID = `pack_${'ab'.repeat(16)}`;

interface Stored {
  readonly id: string;
  readonly relpath: string;
  readonly bytes: Buffer;
}

/** Stores artifacts as the app does: file then row, inside one write transaction. */
function storeArtifacts(db: DatabaseHandle, folder: string, inputs: readonly { type: string; ext: string; size: number; id?: string; folder?: string }[]): Stored[] {
  return db.transaction(() =>
    inputs.map((input) => {
      const bytes = randomBytes(input.size);
      const artifact = new ArtifactStore(db, folder).store({ ...input, bytes, metadata: {} });
      return { id: artifact.id, relpath: artifact.localRelpath, bytes };
    }),
  );
}

/** A profile with an audio take, a transcript, a feedback document and an exported pack. */
function profileWithArtifacts(dir: string): { db: DatabaseHandle; stored: Stored[] } {
  createProfile(join(dir, 'profile.db'), 2);
  const { db } = openGuardedDatabase(join(dir, 'profile.db'), 'profile');
  const stored = storeArtifacts(db, dir, [
    { type: 'audio', ext: 'wav', size: 48_000 },
    { type: 'transcript', ext: 'json', size: 2_000 },
    { type: 'feedback', ext: 'json', size: 1_500 },
    { type: 'pack', ext: 'zip', size: 30_000, id: PACK_ID, folder: 'packs' },
  ]);
  return { db, stored };
}

function manifestOf(dir: string, file: string): BackupManifest {
  return JSON.parse(readFileSync(join(dir, 'backups', `${file}.json`), 'utf8')) as BackupManifest;
}

function artifactsOf(dir: string, file: string): BackupArtifacts {
  const artifacts = manifestOf(dir, file).artifacts;
  if (!artifacts) throw new Error('no artifacts in the manifest');
  return artifacts;
}

/** Every file under a folder, relative to it, with `/`. */
function filesUnder(root: string, rel = ''): string[] {
  return readdirSync(join(root, rel)).flatMap((name) => {
    const path = rel === '' ? name : `${rel}/${name}`;
    return lstatSync(join(root, path)).isDirectory() ? filesUnder(root, path) : [path];
  });
}

/** Names in `backups/` with the inode of each file under them: what a failed backup must not change. */
function backupsTree(dir: string): Record<string, number> {
  const backups = join(dir, 'backups');
  if (!existsSync(backups)) return {};
  return Object.fromEntries(filesUnder(backups).map((rel) => [rel, lstatSync(join(backups, rel)).ino]));
}

const LINKS = process.platform !== 'win32';

describe('a profile backup holds the database and the artifact files it refers to', () => {
  const dir = useTempDir();

  it('holds every file the copy’s rows name, byte for byte, owner-only, packs included', async () => {
    const { db, stored } = profileWithArtifacts(dir());
    const result = await backupDatabase(db, { now: () => NOW });
    db.close();

    const folder = `${result.file}.artifacts`;
    const total = stored.reduce((sum, s) => sum + s.bytes.length, 0);
    expect(artifactsOf(dir(), result.file)).toEqual({ folder, count: 4, bytes: total, newBytes: total, missing: [], deletedSince: [] });
    expect(result.manifest.artifacts).toEqual(artifactsOf(dir(), result.file));
    expect(result.artifacts).toEqual({ files: 4, linked: 0, copied: 4, bytes: total, newBytes: total, missing: 0, deletedSince: 0 });

    const root = join(dir(), 'backups', folder);
    expect(filesUnder(root).sort()).toEqual(stored.map((s) => s.relpath).sort());
    expect(stored.map((s) => s.relpath)).toContain(`artifacts/packs/${PACK_ID}.zip`);
    for (const s of stored) {
      expect(readFileSync(join(root, s.relpath)).equals(s.bytes)).toBe(true);
      expect(statSync(join(root, s.relpath)).mode & 0o777).toBe(0o600);
    }
    for (const sub of ['', 'artifacts', 'artifacts/audio', 'artifacts/packs']) expect(statSync(join(root, sub)).mode & 0o777).toBe(0o700);
    expect(readdirSync(join(dir(), 'backups')).sort()).toEqual([result.file, folder, `${result.file}.json`].sort());
  });

  it('adds no artifact bytes the second time: every file is a hard link to the earlier backup’s', async () => {
    const { db, stored } = profileWithArtifacts(dir());
    const first = await backupDatabase(db, { now: () => NOW });
    const second = await backupDatabase(db, { now: () => later(1) });
    const [added] = storeArtifacts(db, dir(), [{ type: 'audio', ext: 'wav', size: 10_000 }]);
    const third = await backupDatabase(db, { now: () => later(2) });
    db.close();

    const total = stored.reduce((sum, s) => sum + s.bytes.length, 0);
    expect(second.artifacts).toEqual({ files: 4, linked: 4, copied: 0, bytes: total, newBytes: 0, missing: 0, deletedSince: 0 });
    expect(artifactsOf(dir(), second.file)).toMatchObject({ count: 4, bytes: total, newBytes: 0 });
    // Only the file added since is new.
    expect(third.artifacts).toMatchObject({ files: 5, linked: 4, copied: 1, newBytes: 10_000 });
    const rootOf = (file: string): string => join(dir(), 'backups', `${file}.artifacts`);
    for (const s of stored) {
      expect(readFileSync(join(rootOf(third.file), s.relpath)).equals(s.bytes)).toBe(true);
      if (LINKS) {
        const inode = statSync(join(rootOf(first.file), s.relpath)).ino;
        expect(statSync(join(rootOf(second.file), s.relpath)).ino).toBe(inode);
        expect(statSync(join(rootOf(third.file), s.relpath)).ino).toBe(inode);
      }
    }
    expect(readFileSync(join(rootOf(third.file), added?.relpath as string)).equals(added?.bytes as Buffer)).toBe(true);

    // The listing shows what each backup occupies and what it added.
    const entries = listBackups(join(dir(), 'profile.db'), 'profile');
    const byFile = new Map(entries.map((e) => [e.file, e]));
    const firstEntry = byFile.get(first.file);
    const secondEntry = byFile.get(second.file);
    expect(firstEntry).toMatchObject({ totalBytes: (firstEntry?.bytes as number) + total, newBytes: (firstEntry?.bytes as number) + total });
    expect(secondEntry).toMatchObject({
      totalBytes: (secondEntry?.bytes as number) + total,
      newBytes: secondEntry?.bytes,
      artifacts: { files: 4, bytes: total, newBytes: 0, missing: 0, deletedSince: 0 },
    });
  });

  it('lists as missing a file that is absent, one with other bytes, another size, a link and a path out of the folder; the backup completes', async () => {
    const { db, stored } = profileWithArtifacts(dir());
    const [absent, otherBytes, otherSize, linked] = stored as [Stored, Stored, Stored, Stored];
    const extra = storeArtifacts(db, dir(), [{ type: 'audio', ext: 'wav', size: 100 }])[0] as Stored;
    rmSync(join(dir(), absent.relpath));
    writeFileSync(join(dir(), otherBytes.relpath), Buffer.alloc(otherBytes.bytes.length, 7));
    writeFileSync(join(dir(), otherSize.relpath), Buffer.concat([otherSize.bytes, Buffer.from('x')]));
    // A symbolic link to the very bytes expected: never followed.
    const outside = join(dir(), 'outside.bin');
    writeFileSync(outside, linked.bytes);
    rmSync(join(dir(), linked.relpath));
    symlinkSync(outside, join(dir(), linked.relpath));
    // A row whose path leaves the profile folder, with the right sha256 of a file there.
    const escaping = 'art_' + 'e'.repeat(32);
    const raw = new Database(join(dir(), 'profile.db'));
    const sha = createHash('sha256').update(linked.bytes).digest('hex');
    raw.prepare("INSERT INTO artifacts (id, type, local_relpath, sha256, bytes, created_at, metadata_json) VALUES (?, 'audio', '../outside.bin', ?, ?, 'x', '{}')").run(escaping, sha, linked.bytes.length);
    raw.close();

    const result = await backupDatabase(db, { now: () => NOW });
    db.close();
    const missing = [absent, otherBytes, otherSize, linked].map((s) => s.id).concat(escaping).sort();
    expect(artifactsOf(dir(), result.file)).toMatchObject({ count: 1, bytes: 100, missing, deletedSince: [] });
    expect(result.artifacts).toMatchObject({ files: 1, copied: 1, missing: 5, deletedSince: 0 });
    expect(filesUnder(join(dir(), 'backups', `${result.file}.artifacts`))).toEqual([extra.relpath]);
    expect(result.manifest.verified).toBe(true);
  });

  it('takes a file the live profile lost from the earlier backup that holds it', async () => {
    const { db, stored } = profileWithArtifacts(dir());
    await backupDatabase(db, { now: () => NOW });
    const lost = stored[0] as Stored;
    rmSync(join(dir(), lost.relpath));
    const result = await backupDatabase(db, { now: () => later(1) });
    db.close();
    expect(result.artifacts).toMatchObject({ files: 4, linked: 4, missing: 0 });
    expect(readFileSync(join(dir(), 'backups', `${result.file}.artifacts`, lost.relpath)).equals(lost.bytes)).toBe(true);
  });

  it('does not link from an earlier backup whose file has another size, nor one listed missing there', async () => {
    const { db, stored } = profileWithArtifacts(dir());
    const first = await backupDatabase(db, { now: () => NOW });
    const [tampered, listedMissing] = stored as [Stored, Stored];
    writeFileSync(join(dir(), 'backups', `${first.file}.artifacts`, tampered.relpath), 'short');
    const manifestPath = join(dir(), 'backups', `${first.file}.json`);
    const manifest = manifestOf(dir(), first.file);
    writeFileSync(manifestPath, JSON.stringify({ ...manifest, artifacts: { ...manifest.artifacts, missing: [listedMissing.id] } }));
    const second = await backupDatabase(db, { now: () => later(1) });
    db.close();
    const copied = tampered.bytes.length + listedMissing.bytes.length;
    expect(second.artifacts).toMatchObject({ files: 4, linked: 2, copied: 2, newBytes: copied, missing: 0 });
    for (const s of [tampered, listedMissing]) {
      const path = join(dir(), 'backups', `${second.file}.artifacts`, s.relpath);
      expect(readFileSync(path).equals(s.bytes)).toBe(true);
      if (LINKS) expect(statSync(path).nlink).toBe(1);
    }
  });

  it('says so when a file was deleted after the copy’s point in time: missing, and deleted since', async () => {
    const { db, stored } = profileWithArtifacts(dir());
    const victim = stored[1] as Stored;
    // The app deletes an artifact between the copy and the file copies: row first, file after commit.
    const result = await backupDatabase(db, {
      now: () => NOW,
      onStep: (step) => {
        if (step === 'artifacts') db.transaction(() => new ArtifactStore(db, dir()).delete(victim.id));
      },
    });
    db.close();
    expect(existsSync(join(dir(), victim.relpath))).toBe(false);
    expect(artifactsOf(dir(), result.file)).toMatchObject({ count: 3, missing: [victim.id], deletedSince: [victim.id] });
    expect(result.artifacts).toMatchObject({ files: 3, missing: 1, deletedSince: 1 });
    // The copy is the state before the delete: it still has the row.
    const copy = new Database(join(dir(), 'backups', result.file), { readonly: true });
    expect(copy.prepare('SELECT count(*) FROM artifacts WHERE id = ?').pluck().get(victim.id)).toBe(1);
    copy.close();
  });

  it('backs up the files of a database file too (the operator tool), and keeps global backups database-only', async () => {
    const { db, stored } = profileWithArtifacts(dir());
    db.close();
    const result = await backupDatabaseFile(join(dir(), 'profile.db'), 'profile', { now: () => NOW });
    expect(result.artifacts).toMatchObject({ files: stored.length, copied: stored.length, missing: 0 });

    const globalDir = join(dir(), 'g');
    mkdirSync(globalDir);
    openGuardedDatabase(join(globalDir, 'global.db'), 'global').db.close();
    const global = await backupDatabaseFile(join(globalDir, 'global.db'), 'global', { now: () => NOW });
    expect(global.artifacts).toBeNull();
    expect(global.manifest.artifacts).toBeUndefined();
    expect(readdirSync(join(globalDir, 'backups')).sort()).toEqual([global.file, `${global.file}.json`]);
  });
});

describe('a failed profile backup leaves no backup, no partial file or folder', () => {
  const dir = useTempDir();
  const steps: readonly BackupStep[] = ['copy', 'verify', 'checksum', 'artifacts', 'artifact', 'manifest', 'place-artifacts', 'place'];

  it.each(steps)('a failure injected before step "%s"', async (failing) => {
    const { db } = profileWithArtifacts(dir());
    await backupDatabase(db, { now: () => NOW });
    storeArtifacts(db, dir(), [{ type: 'audio', ext: 'wav', size: 5_000 }]);
    const before = backupsTree(dir());
    let artifactSteps = 0;
    const injected = Object.assign(new Error('injected'), { code: 'EINJECTED' });
    await expect(
      backupDatabase(db, {
        now: () => later(1),
        onStep: (step) => {
          // Files: fail on the third, after two were linked or copied.
          if (step === failing && (step !== 'artifact' || ++artifactSteps === 3)) throw injected;
        },
      }),
    ).rejects.toMatchObject({ code: DbErrorCode.BACKUP_FAILED, details: { scope: 'profile', reason: 'EINJECTED' } });
    db.close();
    expect(backupsTree(dir())).toEqual(before);
  });

  it('a full disk while the files are written: DB_DISK_FULL, nothing added', async () => {
    const { db } = profileWithArtifacts(dir());
    const full = Object.assign(new Error('no space'), { code: 'ENOSPC' });
    await expect(backupDatabase(db, { now: () => NOW, onStep: (step) => { if (step === 'artifact') throw full; } })).rejects.toMatchObject({
      code: DbErrorCode.DISK_FULL,
    });
    db.close();
    expect(readdirSync(join(dir(), 'backups'))).toEqual([]);
  });

  it('the next backup removes what a dead one left long ago, never following a link, and only that', async () => {
    createProfile(join(dir(), 'profile.db'));
    const backups = join(dir(), 'backups');
    mkdirSync(backups, { mode: 0o700 });
    const plant = (name: string, age: 'old' | 'fresh'): string => {
      const path = join(backups, name);
      mkdirSync(join(path, 'artifacts', 'audio'), { recursive: true });
      writeFileSync(join(path, 'artifacts', 'audio', 'a.wav'), 'bytes');
      if (age === 'old') {
        const dayAgo = (NOW.getTime() - 25 * 3600_000) / 1000;
        utimesSync(path, dayAgo, dayAgo);
      }
      return path;
    };
    const oldPartial = plant('profile-backup-20261120T000000Z.db.artifacts.partial', 'old');
    const orphan = plant('profile-backup-20261121T000000Z.db.artifacts', 'old');
    const freshPartial = plant('profile-backup-20261125T080000Z.db.artifacts.partial', 'fresh');
    const inUse = plant('profile-backup-20261122T000000Z.db.artifacts', 'old');
    writeFileSync(join(backups, 'profile-backup-20261122T000000Z.db'), 'a backup');
    const foreign = plant('global-backup-20261120T000000Z.db.artifacts.partial', 'old');
    // A link planted under a leftover's name: the link goes, its target stays.
    const target = join(dir(), 'elsewhere');
    mkdirSync(target);
    writeFileSync(join(target, 'keep.txt'), 'keep');
    const planted = join(backups, 'profile-backup-20261119T000000Z.db.artifacts.partial');
    symlinkSync(target, planted);
    const dayAgo = (NOW.getTime() - 25 * 3600_000) / 1000;
    lutimesSync(planted, dayAgo, dayAgo);

    await backupDatabaseFile(join(dir(), 'profile.db'), 'profile', { now: () => NOW });
    expect([existsSync(oldPartial), existsSync(orphan), existsSync(freshPartial), existsSync(inUse), existsSync(foreign)]).toEqual([false, false, true, true, true]);
    expect(existsSync(planted)).toBe(false);
    expect(readFileSync(join(target, 'keep.txt'), 'utf8')).toBe('keep');
  });
});

describe('retention and the files backups share', () => {
  const dir = useTempDir();

  it('deletes a pruned backup’s folder; a kept backup sharing links with it still has every file', async () => {
    const { db, stored } = profileWithArtifacts(dir());
    const oldest = await backupDatabase(db, { now: () => new Date('2026-09-01T00:00:00Z') });
    const outside = join(dir(), 'outside.txt');
    writeFileSync(outside, 'not a backup’s');
    symlinkSync(outside, join(dir(), 'backups', `${oldest.file}.artifacts`, 'planted-link'));
    const kept: string[] = [];
    let pruned: readonly string[] = [];
    for (let hour = 0; hour < 5; hour++) {
      const result = await backupDatabase(db, { now: () => new Date(Date.UTC(2026, 10, 25, hour)) });
      kept.push(result.file);
      pruned = result.pruned;
    }
    db.close();
    // Six backups: the oldest is in no kept day or week, and the five newest are kept.
    expect(pruned).toEqual([oldest.file]);
    expect(existsSync(join(dir(), 'backups', `${oldest.file}.artifacts`))).toBe(false);
    expect(readFileSync(outside, 'utf8')).toBe('not a backup’s');
    for (const file of kept) {
      const root = join(dir(), 'backups', `${file}.artifacts`);
      for (const s of stored) expect(readFileSync(join(root, s.relpath)).equals(s.bytes)).toBe(true);
      if (LINKS) expect(statSync(join(root, (stored[0] as Stored).relpath)).nlink).toBe(5);
    }
  });
});
