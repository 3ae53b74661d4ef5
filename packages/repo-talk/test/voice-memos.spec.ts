import { ArtifactStore, type DatabaseHandle } from '@lepupitre/db-core';
import { captureWorld } from '@lepupitre/testing';
import { existsSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createProject, createRun, deleteVoiceMemo, finishRun, importAudio, voiceMemoArtifactId, voiceMemoProfileId } from '../src';
import { expectCode } from './support/expect-code';
import { newProfile, removeProfiles, steppingClock, storeArtifact, type TestProfile } from './support/profile';
import { rampSamples, wavBytes } from './support/wav-bytes';

afterAll(removeProfiles);

let profile: TestProfile;
let db: DatabaseHandle;
let now: () => string;
beforeEach(() => {
  profile = newProfile();
  db = profile.db;
  now = steppingClock();
});
afterEach(() => db.close());

const memo = () => importAudio(db, profile.folder, wavBytes({ samples: rampSamples(1600) }), { now });
const world = () => captureWorld(profile.databasePath, profile.folder);

describe('voiceMemoProfileId', () => {
  it('names the folder that holds artifacts/audio/<id>.wav', () => {
    expect(voiceMemoProfileId(join('/data', 'profiles', 'prof_1', 'artifacts', 'audio', 'art_2.wav'))).toBe('prof_1');
    expect(voiceMemoProfileId(join('/data', 'profiles', 'prof_1', 'x', '..', 'artifacts', 'audio', 'art_2.wav'))).toBe('prof_1');
  });

  it.each([
    ['a relative path', join('profiles', 'prof_1', 'artifacts', 'audio', 'art_2.wav')],
    ['another folder', join('/data', 'profiles', 'prof_1', 'artifacts', 'transcript', 'art_2.wav')],
    ['another extension', join('/data', 'profiles', 'prof_1', 'artifacts', 'audio', 'art_2.json')],
    ['a file name that is not an id', join('/data', 'profiles', 'prof_1', 'artifacts', 'audio', 'a b.wav')],
    ['the database', join('/data', 'profiles', 'prof_1', 'profile.db')],
    ['a folder at the root', join('/', 'artifacts', 'audio', 'art_2.wav')],
    ['a NUL byte', join('/data', 'profiles', 'prof_1', 'artifacts', 'audio', 'art\u00002.wav')],
  ])('refuses %s (path_not_allowed)', (_what, path) => {
    expectCode(() => voiceMemoProfileId(path), 'path_not_allowed');
  });
});

describe('deleteVoiceMemo', () => {
  it('deletes the audio row and its file, nothing else', () => {
    const kept = memo();
    const stored = memo();
    deleteVoiceMemo(db, profile.folder, stored.path);
    expect(new ArtifactStore(db, profile.folder).get(stored.artifactId)).toBeUndefined();
    expect(existsSync(stored.path)).toBe(false);
    expect(existsSync(kept.path)).toBe(true);
    expect(new ArtifactStore(db, profile.folder).get(kept.artifactId)).toBeDefined();
  });

  it('deletes the row even when its file is already gone', () => {
    const stored = memo();
    rmSync(stored.path);
    deleteVoiceMemo(db, profile.folder, stored.path);
    expect(new ArtifactStore(db, profile.folder).get(stored.artifactId)).toBeUndefined();
  });

  it('leaves a file without a row alone (artifact_not_found): it may be another writer\'s, not yet committed', () => {
    const stored = memo();
    deleteVoiceMemo(db, profile.folder, stored.path);
    writeFileSync(stored.path, 'written by someone else');
    expectCode(() => deleteVoiceMemo(db, profile.folder, stored.path), 'artifact_not_found');
    expect(existsSync(stored.path)).toBe(true);
  });

  it('refuses a path outside the profile audio folder, changing nothing', () => {
    const stored = memo();
    const other = newProfile();
    try {
      const before = world();
      const outside = join(other.folder, 'artifacts', 'audio', basename(stored.path));
      for (const path of [outside, join(profile.folder, 'profile.db'), join(profile.folder, 'artifacts', 'audio', '..', '..', 'profile.db'), 'artifacts/audio/x.wav']) {
        expectCode(() => deleteVoiceMemo(db, profile.folder, path), 'path_not_allowed');
      }
      expect(world()).toEqual(before);
    } finally {
      other.db.close();
    }
  });

  it('refuses an unknown id and an artifact that is not audio', () => {
    expectCode(() => deleteVoiceMemo(db, profile.folder, join(profile.folder, 'artifacts', 'audio', 'art_missing.wav')), 'artifact_not_found');
    const transcriptId = storeArtifact(db, profile.folder, 'transcript');
    const before = world();
    expectCode(() => deleteVoiceMemo(db, profile.folder, join(profile.folder, 'artifacts', 'audio', `${transcriptId}.wav`)), 'artifact_not_audio');
    expect(world()).toEqual(before);
  });

  it('refuses an audio a run uses (audio_in_use), changing nothing', () => {
    const projectId = createProject(db, { title: 'T' }, { now });
    const runAudio = memo();
    finishRun(db, createRun(db, projectId, { now }), runAudio.artifactId);
    const before = world();
    expectCode(() => deleteVoiceMemo(db, profile.folder, runAudio.path), 'audio_in_use');
    expect(world()).toEqual(before);
  });

  it('names the artifact of a memo path, with the same refusals as the delete', () => {
    const stored = memo();
    expect(voiceMemoArtifactId(db, profile.folder, stored.path)).toBe(stored.artifactId);
    expectCode(() => voiceMemoArtifactId(db, profile.folder, join(profile.folder, 'profile.db')), 'path_not_allowed');
    expectCode(() => voiceMemoArtifactId(db, profile.folder, join(profile.folder, 'artifacts', 'audio', 'art_missing.wav')), 'artifact_not_found');
  });

  it('never follows the path given: a symlinked audio folder pointing outside is refused by the store', () => {
    const stored = memo();
    const outside = newProfile();
    try {
      // The row's file is resolved inside the profile; a folder swapped for a link is refused.
      const audioDir = join(profile.folder, 'artifacts', 'audio');
      renameSync(audioDir, join(outside.folder, 'audio'));
      symlinkSync(join(outside.folder, 'audio'), audioDir);
      expectCode(() => deleteVoiceMemo(db, profile.folder, stored.path), 'artifact_path_not_allowed');
      expect(existsSync(join(outside.folder, 'audio', basename(stored.path)))).toBe(true);
      expect(new ArtifactStore(db, profile.folder).get(stored.artifactId)).toBeDefined();
    } finally {
      outside.db.close();
    }
  });
});
