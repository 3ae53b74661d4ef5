import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ArtifactStore, type DatabaseHandle } from '@lepupitre/db-core';
import { auditArtifacts, openGuardedDatabase } from '../../src';
import { useTempDir } from '@lepupitre/fixtures';

describe('artifact audit of what the artifact store wrote', () => {
  const dir = useTempDir();
  let db: DatabaseHandle;
  let store: ArtifactStore;
  const profile = (): string => join(dir(), 'profile');
  const storeOne = (bytes: string) =>
    db.transaction(() => store.store({ type: 'audio', ext: 'wav', bytes: Buffer.from(bytes), metadata: { sample_rate_hz: 16000, format: 'wav', channels: 1 } }));

  beforeEach(() => {
    db = openGuardedDatabase(join(profile(), 'profile.db'), 'profile').db;
    store = new ArtifactStore(db, profile(), () => '2026-11-25T10:00:00.000+00:00');
  });
  afterEach(() => db.close());

  it('finds nothing after a store and after a rolled-back store', () => {
    storeOne('kept');
    expect(() =>
      db.transaction(() => {
        store.store({ type: 'feedback', ext: 'json', bytes: Buffer.from('{}'), metadata: {} });
        throw new Error('the link update found no run');
      }),
    ).toThrow('the link update found no run');
    expect(auditArtifacts(db, profile(), { hash: true }).problems).toEqual([]);
  });

  it('reports orphan files and rows whose file is missing', () => {
    storeOne('kept');
    const lost = storeOne('lost');
    writeFileSync(join(profile(), 'artifacts', 'audio', 'stray.wav'), 'no row');
    rmSync(join(profile(), lost.localRelpath));
    expect(auditArtifacts(db, profile(), { hash: true }).problems).toEqual([
      { kind: 'missing', artifactId: lost.id },
      { kind: 'stray-file', artifactId: null },
    ]);
  });
});
