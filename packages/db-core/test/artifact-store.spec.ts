import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ID_PATTERN } from '@lepupitre/domain-primitives';
import { ArtifactErrorCode, ArtifactStore, DbErrorCode, openDatabase, type DatabaseHandle } from '../src';
import { listArtifactFolder } from '../src/artifacts/artifact-folder';
import { useTempDir } from '@lepupitre/fixtures';
import { UNGUARDED } from './support/test-safeguards';

describe('artifact store', () => {
  const dir = useTempDir();
  let db: DatabaseHandle;
  let store: ArtifactStore;
  // The profile folder, with room beside it for a folder it must not reach.
  const profile = (): string => join(dir(), 'profile');

  beforeEach(() => {
    db = openDatabase(join(profile(), 'profile.db'), 'profile', { safeguards: UNGUARDED }).db;
    store = new ArtifactStore(db, profile(), () => '2026-11-25T10:00:00.000+00:00');
  });
  afterEach(() => db.close());

  const storeOne = (bytes = 'RIFF....WAVE') =>
    db.transaction(() => store.store({ type: 'audio', ext: 'wav', bytes: Buffer.from(bytes), metadata: { sample_rate_hz: 16000, format: 'wav', channels: 1 } }));

  it('writes the file owner-only under artifacts/<type>/<id>.<ext> and the row with its hash and size', () => {
    const artifact = storeOne();
    expect(artifact.id).toMatch(ID_PATTERN);
    expect(artifact.id.startsWith('art_')).toBe(true);
    expect(artifact.localRelpath).toBe(`artifacts/audio/${artifact.id}.wav`);
    expect(artifact.sha256).toBe(createHash('sha256').update('RIFF....WAVE').digest('hex'));
    expect(artifact.bytes).toBe(12);
    expect(artifact.metadataJson).toBe('{"channels":1,"format":"wav","sample_rate_hz":16000}');
    const file = join(profile(), artifact.localRelpath);
    expect(readFileSync(file, 'utf8')).toBe('RIFF....WAVE');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(store.get(artifact.id)).toEqual(artifact);
    expect(store.read(artifact.id).toString()).toBe('RIFF....WAVE');
  });

  it('removes the file when the transaction rolls back after the row was written', () => {
    let path = '';
    expect(() =>
      db.transaction(() => {
        const artifact = store.store({ type: 'feedback', ext: 'json', bytes: Buffer.from('{}'), metadata: {} });
        path = join(profile(), artifact.localRelpath);
        expect(existsSync(path)).toBe(true);
        throw new Error('the link update found no run');
      }),
    ).toThrow('the link update found no run');
    expect(existsSync(path)).toBe(false);
    expect(listArtifactFolder(profile())).toEqual([]);
  });

  it('only stores inside a transaction, so that a failure can be compensated', () => {
    expect(() => store.store({ type: 'audio', ext: 'wav', bytes: Buffer.from('x'), metadata: {} })).toThrow(
      expect.objectContaining({ code: DbErrorCode.NOT_IN_TRANSACTION }),
    );
    expect(existsSync(join(profile(), 'artifacts'))).toBe(false);
  });

  it('deletes the row in the transaction and the file only after commit', () => {
    const artifact = storeOne();
    const path = join(profile(), artifact.localRelpath);
    expect(() =>
      db.transaction(() => {
        expect(store.delete(artifact.id)).toBe(true);
        throw new Error('abort');
      }),
    ).toThrow('abort');
    expect(existsSync(path)).toBe(true);
    expect(store.get(artifact.id)).toBeDefined();
    db.transaction(() => store.delete(artifact.id));
    expect(existsSync(path)).toBe(false);
    expect(store.get(artifact.id)).toBeUndefined();
    expect(db.transaction(() => store.delete(artifact.id))).toBe(false);
  });

  it('refuses stored paths that escape the profile folder, including through a symlink', () => {
    const raw = new Database(join(profile(), 'profile.db'));
    raw.exec(`INSERT INTO artifacts VALUES ('art_up', 'audio', '../outside.wav', 'x', 1, 'now', '{}');
              INSERT INTO artifacts VALUES ('art_abs', 'audio', '/etc/passwd', 'x', 1, 'now', '{}');
              INSERT INTO artifacts VALUES ('art_link', 'audio', 'artifacts/linked/secret.txt', 'x', 1, 'now', '{}');`);
    raw.close();
    const outside = join(dir(), 'outside');
    mkdirSync(outside);
    writeFileSync(join(outside, 'secret.txt'), 'not yours');
    mkdirSync(join(profile(), 'artifacts'), { recursive: true });
    symlinkSync(outside, join(profile(), 'artifacts', 'linked'));
    for (const id of ['art_up', 'art_abs', 'art_link']) {
      expect(() => store.read(id)).toThrow(expect.objectContaining({ code: ArtifactErrorCode.PATH_NOT_ALLOWED }));
    }
    expect(() => store.read('art_missing')).toThrow(expect.objectContaining({ code: ArtifactErrorCode.NOT_FOUND }));
  });

  it('reads what it stored, and fails with a typed error on a row whose file is gone', () => {
    const kept = storeOne('kept');
    const lost = storeOne('lost');
    rmSync(join(profile(), lost.localRelpath));
    expect(store.read(kept.id).toString()).toBe('kept');
    expect(() => store.read(lost.id)).toThrow(expect.objectContaining({ code: ArtifactErrorCode.READ_FAILED }));
  });

  it('stores under a chosen folder with a chosen id, and refuses names that could leave it', () => {
    const pack = db.transaction(() =>
      store.store({ type: 'pack', folder: 'packs', id: 'pack_0123456789abcdef0123456789abcdef', ext: 'zip', bytes: Buffer.from('PK'), metadata: {} }),
    );
    expect(pack.localRelpath).toBe('artifacts/packs/pack_0123456789abcdef0123456789abcdef.zip');
    for (const bad of [{ folder: '../x' }, { id: '../../evil' }, { type: 'a/b' }, { ext: 'z/ip' }]) {
      expect(() =>
        db.transaction(() => store.store({ type: 'pack', ext: 'zip', bytes: Buffer.from('PK'), metadata: {}, ...bad })),
      ).toThrow(expect.objectContaining({ code: ArtifactErrorCode.PATH_NOT_ALLOWED }));
    }
  });

  it('never writes through a symlinked folder that leads out of the profile', () => {
    const outside = join(dir(), 'elsewhere');
    mkdirSync(outside);
    mkdirSync(join(profile(), 'artifacts'), { recursive: true });
    symlinkSync(outside, join(profile(), 'artifacts', 'audio'));
    expect(() => storeOne()).toThrow(expect.objectContaining({ code: ArtifactErrorCode.PATH_NOT_ALLOWED }));
    expect(readdirSync(outside)).toEqual([]);
  });

  it('refuses to overwrite an existing file under a chosen id, and leaves it in place on rollback', () => {
    const id = 'pack_0123456789abcdef0123456789abcdef';
    const first = db.transaction(() => store.store({ type: 'pack', folder: 'packs', id, ext: 'zip', bytes: Buffer.from('first'), metadata: {} }));
    db.transaction(() => store.delete(first.id));
    writeFileSync(join(profile(), first.localRelpath), 'a file someone kept');
    expect(() =>
      db.transaction(() => store.store({ type: 'pack', folder: 'packs', id, ext: 'zip', bytes: Buffer.from('second'), metadata: {} })),
    ).toThrow(expect.objectContaining({ code: ArtifactErrorCode.WRITE_FAILED }));
    expect(readFileSync(join(profile(), first.localRelpath), 'utf8')).toBe('a file someone kept');
  });
});
