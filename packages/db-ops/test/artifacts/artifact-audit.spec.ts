import Database from 'better-sqlite3';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ArtifactStore, type DatabaseHandle } from '@lepupitre/db-core';
import { seedProfile, useTempDir } from '@lepupitre/fixtures';
import { auditArtifacts, openGuardedDatabase } from '../../src';

describe('auditArtifacts', () => {
  const dir = useTempDir('lepupitre-audit-');
  const profile = (): string => join(dir(), 'profile');
  let db: DatabaseHandle;

  beforeEach(() => {
    mkdirSync(profile(), { recursive: true });
    db = openGuardedDatabase(join(profile(), 'profile.db'), 'profile').db;
  });
  afterEach(() => db.close());

  const insertRows = (rows: readonly (readonly [id: string, relpath: string, bytes: number])[]): void => {
    seedProfile(join(profile(), 'profile.db'), (kit) => {
      for (const [id, relpath, bytes] of rows) kit.newArtifact({ id, type: 'audio', local_relpath: relpath, sha256: 'f'.repeat(64), bytes, created_at: 'now' });
    });
  };

  it('refuses a row reached through a linked folder that leads out, and reports the link itself', () => {
    const outside = join(dir(), 'outside');
    mkdirSync(outside);
    writeFileSync(join(outside, 'secret.wav'), 'not yours');
    mkdirSync(join(profile(), 'artifacts'), { recursive: true });
    symlinkSync(outside, join(profile(), 'artifacts', 'linked'));
    const id = 'art_0123456789abcdef0123456789abcdef';
    insertRows([[id, 'artifacts/linked/secret.wav', 9]]);

    const audit = auditArtifacts(db, profile(), { hash: true });
    expect(audit.problems).toEqual([
      { kind: 'path-not-allowed', artifactId: id },
      { kind: 'not-a-file', artifactId: null },
    ]);
    expect(audit.bytesChecked).toBe(0);
  });

  it('matches a row to its file whatever the spelling of its path, and sees no stray then', () => {
    const store = new ArtifactStore(db, profile());
    const artifact = db.transaction(() => store.store({ type: 'audio', ext: 'wav', bytes: Buffer.from('RIFF'), metadata: {} }));
    const raw = new Database(join(profile(), 'profile.db'));
    raw.prepare('UPDATE artifacts SET local_relpath = ? WHERE id = ?').run(`artifacts/./feedback/../audio//${artifact.id}.wav`, artifact.id);
    raw.close();

    expect(auditArtifacts(db, profile(), { hash: true })).toEqual({ rowsChecked: 1, entriesListed: 1, bytesChecked: 4, hashed: true, problems: [] });
  });

  it('refuses paths that name no file inside the profile folder', () => {
    insertRows([
      ['art_00000000000000000000000000000001', '', 1],
      ['art_00000000000000000000000000000002', 'artifacts/../../elsewhere.wav', 1],
      ['art_00000000000000000000000000000003', 'artifacts/audio/../../..', 1],
      ['art_00000000000000000000000000000004', './', 1],
    ]);
    expect(auditArtifacts(db, profile(), { hash: false }).problems.map((p) => p.kind)).toEqual(Array(4).fill('path-not-allowed'));
  });
});
