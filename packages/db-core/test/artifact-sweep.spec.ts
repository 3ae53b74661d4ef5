import { existsSync, lstatSync, mkdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ArtifactStore, openDatabase, type DatabaseHandle } from '../src';
import { useTempDir } from '@lepupitre/fixtures';
import { UNGUARDED } from './support/test-safeguards';

/**
 * What a killed writer leaves under `artifacts/` (a temporary file, a complete file whose row
 * never committed) is finished by the next open of the profile, in any process, and never
 * touches the file of a writer that is still inside its transaction.
 */
describe('the open-time artifact sweep', () => {
  const dir = useTempDir();
  const profile = (): string => join(dir(), 'profile');
  const dbPath = (): string => join(profile(), 'profile.db');
  const open = () => openDatabase(dbPath(), 'profile', { safeguards: UNGUARDED });

  function storeOne(db: DatabaseHandle, bytes = 'RIFF....WAVE'): string {
    return db.transaction(() => new ArtifactStore(db, profile()).store({ type: 'audio', ext: 'wav', bytes: Buffer.from(bytes), metadata: {} })).localRelpath;
  }

  function leave(relpath: string, content = 'left by a killed writer'): string {
    const path = join(profile(), relpath);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, content);
    return path;
  }

  it('deletes temporary files, moves row-less files to orphaned/ and leaves every stored file alone', () => {
    const first = open();
    const kept = storeOne(first.db);
    expect(first.report.artifactSweep).toEqual({ temporaryRemoved: 0, straysSetAside: 0, straysBytes: 0, deferred: false });
    first.db.close();
    const temporary = leave('artifacts/audio/.0a1b2c3d4e5f.tmp');
    const stray = leave('artifacts/feedback/art_0123456789abcdef0123456789abcdef.json', '{"never":"committed"}');

    const second = open();
    second.db.close();

    expect(second.report.artifactSweep).toEqual({ temporaryRemoved: 1, straysSetAside: 1, straysBytes: 21, deferred: false });
    expect(existsSync(temporary)).toBe(false);
    expect(existsSync(stray)).toBe(false);
    expect(readFileSync(join(profile(), 'orphaned/feedback/art_0123456789abcdef0123456789abcdef.json'), 'utf8')).toBe('{"never":"committed"}');
    expect(readFileSync(join(profile(), kept), 'utf8')).toBe('RIFF....WAVE');
  });

  it('keeps every file it sets aside: a second stray of the same name gets a suffix', () => {
    open().db.close();
    leave('artifacts/audio/a.wav', 'one');
    open().db.close();
    leave('artifacts/audio/a.wav', 'two');
    open().db.close();
    expect(readFileSync(join(profile(), 'orphaned/audio/a.wav'), 'utf8')).toBe('one');
    expect(readFileSync(join(profile(), 'orphaned/audio/a.wav.2'), 'utf8')).toBe('two');
  });

  it('moves a symbolic link itself, never what it points to', () => {
    open().db.close();
    const outside = join(dir(), 'outside.txt');
    writeFileSync(outside, 'not the app’s');
    mkdirSync(join(profile(), 'artifacts/audio'), { recursive: true });
    symlinkSync(outside, join(profile(), 'artifacts/audio/link.wav'));
    const { report, db } = open();
    db.close();
    expect(report.artifactSweep?.straysSetAside).toBe(1);
    expect(lstatSync(join(profile(), 'orphaned/audio/link.wav')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(profile(), 'orphaned/audio/link.wav'))).toBe(outside);
    expect(readFileSync(outside, 'utf8')).toBe('not the app’s');
  });

  it('never touches the file of a writer still inside its transaction: the sweep waits, then defers', () => {
    const writer = open().db;
    let other: DatabaseHandle | undefined;
    try {
      let relpath = '';
      let sweptMeanwhile: ReturnType<typeof open>['report']['artifactSweep'] = null;
      writer.transaction(() => {
        relpath = new ArtifactStore(writer, profile()).store({ type: 'audio', ext: 'wav', bytes: Buffer.from('in flight'), metadata: {} }).localRelpath;
        // Another opener sees a file whose row it cannot see yet; the writer holds the write lock.
        const opened = open();
        other = opened.db;
        sweptMeanwhile = opened.report.artifactSweep;
        expect(readFileSync(join(profile(), relpath), 'utf8')).toBe('in flight');
      });
      other?.close();
      expect(sweptMeanwhile).toEqual({ temporaryRemoved: 0, straysSetAside: 0, straysBytes: 0, deferred: true });
      const after = open();
      after.db.close();
      expect(after.report.artifactSweep).toEqual({ temporaryRemoved: 0, straysSetAside: 0, straysBytes: 0, deferred: false });
      expect(readFileSync(join(profile(), relpath), 'utf8')).toBe('in flight');
    } finally {
      other?.close();
      writer.close();
    }
  });

  it('costs nothing on a profile without an artifacts folder, and the global scope has none', () => {
    const first = open();
    first.db.close();
    expect(first.report.artifactSweep).toEqual({ temporaryRemoved: 0, straysSetAside: 0, straysBytes: 0, deferred: false });
    const global = openDatabase(join(dir(), 'global.db'), 'global', { safeguards: UNGUARDED });
    global.db.close();
    expect(global.report.artifactSweep).toBeNull();
  });
});
