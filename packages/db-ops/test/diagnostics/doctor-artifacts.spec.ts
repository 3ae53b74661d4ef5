import { appendFileSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ArtifactStore, type Artifact } from '@lepupitre/db-core';
import { seedProfile, useTempDir } from '@lepupitre/fixtures';
import { diagnoseDatabase, type DatabaseDiagnostics, openGuardedDatabase } from '../../src';
import { newId } from '@lepupitre/domain-primitives';
import { fingerprintTree, withoutEmptyCompanions } from '../support/file-fingerprint';

const dir = useTempDir('lepupitre-doctor-artifacts-');

const profileDir = (): string => join(dir(), 'profiles', 'prof_1');
const dbPath = (): string => join(profileDir(), 'profile.db');

/** A profile whose artifacts were written by the store: `count` WAV-like files of 64 bytes. */
function profileWithArtifacts(count: number): Artifact[] {
  mkdirSync(profileDir(), { recursive: true, mode: 0o700 });
  const { db } = openGuardedDatabase(dbPath(), 'profile');
  try {
    const store = new ArtifactStore(db, profileDir());
    return db.transaction(() =>
      Array.from({ length: count }, (_, i) => store.store({ type: 'audio', ext: 'wav', bytes: Buffer.alloc(64, `RIFF${i}`), metadata: {} })),
    );
  } finally {
    db.close();
  }
}

function insertRow(id: string, relpath: string): void {
  seedProfile(dbPath(), (kit) => kit.newArtifact({ id, type: 'audio', local_relpath: relpath, sha256: 'a'.repeat(64), bytes: 64, created_at: '2026-01-01T00:00:00+00:00' }));
}

const codes = (report: DatabaseDiagnostics): string[] => report.problems.map((p) => p.code);
const messageOf = (report: DatabaseDiagnostics, code: string): string => report.problems.find((p) => p.code === code)?.message ?? '';

describe('doctor checks a profile folder: artifact files against their rows', () => {
  it('reports a healthy folder as ok, with what was checked, hashed or not', () => {
    const artifacts = profileWithArtifacts(3);
    const before = withoutEmptyCompanions(fingerprintTree(dir()));

    const full = diagnoseDatabase(dbPath(), 'profile');
    expect(full.problems).toEqual([]);
    expect(full.artifacts).toEqual({ rowsChecked: 3, entriesListed: 3, bytesChecked: 3 * 64, hashed: true, problems: [] });
    expect(full.orphanedFiles).toBe(0);

    const quick = diagnoseDatabase(dbPath(), 'profile', { integrity: 'quick' });
    expect(quick.problems).toEqual([]);
    expect(quick.artifacts).toMatchObject({ rowsChecked: 3, bytesChecked: 3 * 64, hashed: false });

    // The global database has no artifacts; the check can be left out (the IPC command does).
    expect(diagnoseDatabase(dbPath(), 'profile', { artifacts: 'none' }).artifacts).toBeNull();
    expect(withoutEmptyCompanions(fingerprintTree(dir()))).toEqual(before);
    expect(artifacts).toHaveLength(3);
  });

  it('reports each kind of problem with the artifact id and the next step, never a path', () => {
    const [missing, resized, rewritten, linked, healthy] = profileWithArtifacts(5) as [Artifact, Artifact, Artifact, Artifact, Artifact];
    const file = (a: Artifact): string => join(profileDir(), a.localRelpath);
    rmSync(file(missing));
    appendFileSync(file(resized), 'more');
    writeFileSync(file(rewritten), Buffer.alloc(64, 'other bytes, same size'));
    // A row whose file was replaced by a link (to another artifact's file).
    rmSync(file(linked));
    symlinkSync(file(healthy), file(linked));
    // A file no row names, a leftover of a dead writer, a link no row names.
    const strayId = newId('art');
    writeFileSync(join(profileDir(), 'artifacts', 'audio', `${strayId}.wav`), 'no row');
    writeFileSync(join(profileDir(), 'artifacts', 'audio', '.0123abcd.tmp'), 'half written');
    const linkId = newId('art');
    const outside = join(dir(), 'elsewhere.wav');
    writeFileSync(outside, 'outside the profile');
    symlinkSync(outside, join(profileDir(), 'artifacts', 'audio', `${linkId}.wav`));
    // Rows that lead out of the folder, or whose id is not an id (never shown: it could be anything).
    const escapingId = newId('art');
    insertRow(escapingId, '../elsewhere.wav');
    insertRow('my private notes', 'artifacts/audio/notes.wav');
    // What earlier sweeps set aside.
    mkdirSync(join(profileDir(), 'orphaned', 'audio'), { recursive: true });
    writeFileSync(join(profileDir(), 'orphaned', 'audio', 'old.wav'), 'set aside');
    writeFileSync(join(profileDir(), 'orphaned', 'audio', 'old.wav.2'), 'set aside');
    const before = withoutEmptyCompanions(fingerprintTree(dir()));

    const full = diagnoseDatabase(dbPath(), 'profile');
    expect(codes(full)).toEqual([
      'ARTIFACT_MISSING',
      'ARTIFACT_SIZE_MISMATCH',
      'ARTIFACT_SHA256_MISMATCH',
      'ARTIFACT_PATH_NOT_ALLOWED',
      'ARTIFACT_STRAY_FILE',
      'ARTIFACT_TEMPORARY_FILE',
      'ARTIFACT_NOT_A_FILE',
    ]);
    expect(full.artifacts?.hashed).toBe(true);
    expect(full.artifacts?.rowsChecked).toBe(7);
    expect(full.artifacts?.bytesChecked).toBe(2 * 64); // rewritten (hashed, then found different) and healthy
    expect(full.artifacts?.problems).toHaveLength(10);
    expect(full.artifacts?.problems).toEqual(
      expect.arrayContaining([
        { kind: 'missing', artifactId: missing.id },
        { kind: 'size-mismatch', artifactId: resized.id },
        { kind: 'sha256-mismatch', artifactId: rewritten.id },
        { kind: 'missing', artifactId: linked.id },
        { kind: 'path-not-allowed', artifactId: escapingId },
        { kind: 'missing', artifactId: null },
        { kind: 'stray-file', artifactId: strayId },
        { kind: 'temporary-file', artifactId: null },
        { kind: 'not-a-file', artifactId: linked.id },
        { kind: 'not-a-file', artifactId: linkId },
      ]),
    );
    expect(full.artifacts?.problems.some((p) => p.artifactId === healthy.id)).toBe(false);
    expect(full.orphanedFiles).toBe(2);

    // Each message gives the count and the next step.
    expect(messageOf(full, 'ARTIFACT_MISSING')).toMatch(/^3 artifact file\(s\) missing: .*`lepupitre db restore`/);
    for (const code of ['ARTIFACT_SIZE_MISMATCH', 'ARTIFACT_SHA256_MISMATCH', 'ARTIFACT_PATH_NOT_ALLOWED']) {
      expect(messageOf(full, code)).toContain('backup that holds the files (`lepupitre db restore`)');
    }
    expect(messageOf(full, 'ARTIFACT_STRAY_FILE')).toMatch(/^1 file\(s\) .*the next open of the profile sets them aside in orphaned\/$/);
    expect(messageOf(full, 'ARTIFACT_NOT_A_FILE')).toMatch(/^2 .*the next open of the profile sets them aside in orphaned\/$/);
    expect(messageOf(full, 'ARTIFACT_TEMPORARY_FILE')).toMatch(/^1 temporary file\(s\) .*the next open of the profile deletes them$/);

    // Quick: no hashing, so the same-size rewrite goes unseen; a size change never does.
    const quick = diagnoseDatabase(dbPath(), 'profile', { integrity: 'quick' });
    expect(codes(quick)).toEqual(codes(full).filter((code) => code !== 'ARTIFACT_SHA256_MISMATCH'));
    expect(quick.artifacts?.hashed).toBe(false);
    expect(quick.artifacts?.problems).toContainEqual({ kind: 'size-mismatch', artifactId: resized.id });
    expect(quick.artifacts?.problems.some((p) => p.kind === 'sha256-mismatch')).toBe(false);

    for (const report of [full, quick]) {
      const json = JSON.stringify(report);
      for (const leak of [dir(), 'elsewhere', '0123abcd', 'notes.wav', 'my private notes', 'old.wav', `audio/${missing.id}`]) expect(json).not.toContain(leak);
    }
    // Doctor writes nothing: the sweep of an open tidies, doctor only reports.
    expect(withoutEmptyCompanions(fingerprintTree(dir()))).toEqual(before);
  });

  // A link loop where the file's folder should be: nothing there can be examined, whoever runs
  // doctor (permissions would not stop root, who runs the tests in CI).
  it('reports a file it cannot examine as a problem of its own, without failing', () => {
    const [locked] = profileWithArtifacts(1) as [Artifact];
    const folder = join(profileDir(), dirname(locked.localRelpath));
    rmSync(folder, { recursive: true });
    symlinkSync(basename(folder), folder);
    const report = diagnoseDatabase(dbPath(), 'profile');
    expect(report.artifacts?.problems).toContainEqual({ kind: 'unreadable', artifactId: locked.id });
    expect(messageOf(report, 'ARTIFACT_UNREADABLE')).toContain('owner-only permissions');
  });
});

describe('a profile folder that is not a profile', () => {
  it('leaves the artifacts null for the global database and counts nothing', () => {
    const path = join(dir(), 'global.db');
    mkdirSync(dirname(path), { recursive: true });
    openGuardedDatabase(path, 'global').db.close();
    expect(diagnoseDatabase(path, 'global')).toMatchObject({ artifacts: null, orphanedFiles: 0, problems: [] });
  });
});
