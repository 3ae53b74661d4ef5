import { DbErrorCode, openDatabase, type DatabaseHandle } from '@lepupitre/db-core';
import { replayWithFaults, type FaultReplay, type FaultWorld, TEST_SAFEGUARDS } from '@lepupitre/testing';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createProfile,
  deleteProfile,
  profileDatabasePath,
  renameProfile,
  setGlobalPreference,
  setProfilePreference,
  switchProfile,
  writeProfilePreference,
} from '../src';
import { tickingClock } from './support/clock';
import { codeChain } from './support/errors';
import { fileTree } from './support/file-tree';
import { globalDatabasePath, openGlobalDatabase } from './support/global-database';
import { useTempDirs } from './support/temp-dir';

/** The world of a profile flow: the data folder, global.db plus profiles/ (and deleted-profiles/). */
interface DataFolderWorld extends FaultWorld {
  readonly dataDir: string;
  readonly profiles: { readonly oldest: string; readonly middle: string; readonly newest: string };
  readonly tree: Record<string, string>;
}

describe('profile and preference writes under a fault at every step', () => {
  const tempDir = useTempDirs('lepupitre-workspace-faults-');

  /** Three profiles, the newest active, with files in their folders and a global preference. */
  function dataFolderWorld(): DataFolderWorld {
    const dataDir = tempDir();
    const db = openGlobalDatabase(dataDir);
    const now = tickingClock();
    const oldest = createProfile(db, dataDir, 'Oldest', { now });
    const middle = createProfile(db, dataDir, 'Middle', { now });
    const newest = createProfile(db, dataDir, 'Newest', { now });
    for (const id of [oldest, middle, newest]) writeFileSync(join(dataDir, 'profiles', id, 'take.wav'), `audio of ${id}`);
    setGlobalPreference(db, 'lepupitre_theme', 'terminal');
    return { db, databasePath: globalDatabasePath(dataDir), folder: dataDir, dataDir, profiles: { oldest, middle, newest }, tree: fileTree(dataDir) };
  }

  /**
   * Every replay failed at its step, reached the caller as the injected fault itself (a driver
   * failure is not renamed), and left the committed rows, the files (databases and folders
   * included) exactly as before: a fault after the commit was undone.
   */
  function expectNothingChanged(replays: readonly FaultReplay[], worlds: readonly DataFolderWorld[], expectedSteps: readonly string[]): void {
    expect(replays.map((r) => r.event.kind === 'statement' ? `statement: ${r.event.detail.split(' ').slice(0, 3).join(' ')}` : `${r.event.kind}: ${r.event.detail}`)).toEqual(expectedSteps);
    replays.forEach((replay, i) => {
      expect(codeChain(replay.error)).toEqual([DbErrorCode.INJECTED_FAULT]);
      expect((replay.error as { cleanupError?: unknown }).cleanupError).toBeUndefined();
      expect(replay.after).toEqual(replay.before);
      const world = worlds[i + 1] as DataFolderWorld; // worlds[0] is the unharmed counting run
      expect(fileTree(world.dataDir)).toEqual(world.tree);
    });
  }

  function recordingWorlds(): { setup: () => DataFolderWorld; worlds: DataFolderWorld[] } {
    const worlds: DataFolderWorld[] = [];
    return {
      worlds,
      setup: () => {
        const world = dataFolderWorld();
        worlds.push(world);
        return world;
      },
    };
  }

  it('create', () => {
    const { setup, worlds } = recordingWorlds();
    const replays = replayWithFaults({ setup, flow: (w) => createProfile(w.db, w.dataDir, 'Fresh') });
    expectNothingChanged(replays, worlds, [
      'statement: select "id" from',
      'statement: select "id", "last_opened_at"',
      'statement: update "profiles" set',
      'statement: insert into "profiles"',
      'commit: commit',
      'file: create profile folder',
      'file: create profile database',
    ]);
  });

  it('switch', () => {
    const { setup, worlds } = recordingWorlds();
    const replays = replayWithFaults({ setup, flow: (w) => switchProfile(w.db, w.dataDir, w.profiles.oldest) });
    expectNothingChanged(replays, worlds, [
      'statement: select "id", "name",',
      'statement: select "id", "last_opened_at"',
      'statement: update "profiles" set',
      'statement: update "profiles" set',
      'commit: commit',
      'file: open profile database',
    ]);
  });

  it('rename', () => {
    const { setup, worlds } = recordingWorlds();
    const replays = replayWithFaults({ setup, flow: (w) => renameProfile(w.db, w.profiles.middle, 'Renamed') });
    expectNothingChanged(replays, worlds, [
      'statement: select "id", "name",',
      'statement: select "id" from',
      'statement: update "profiles" set',
      'commit: commit',
    ]);
  });

  it('delete of the active profile (rows, fallback activation, folder moved aside)', () => {
    const { setup, worlds } = recordingWorlds();
    const replays = replayWithFaults({ setup, flow: (w) => deleteProfile(w.db, w.dataDir, w.profiles.newest) });
    expectNothingChanged(replays, worlds, [
      'statement: select "id", "name",',
      'statement: select "id", "name",',
      'statement: delete from "profiles"',
      'statement: select "id", "last_opened_at"',
      'statement: update "profiles" set',
      'statement: update "profiles" set',
      'commit: commit',
      'file: move profile folder aside',
    ]);
  });

  it('delete of an inactive profile', () => {
    const { setup, worlds } = recordingWorlds();
    const replays = replayWithFaults({ setup, flow: (w) => deleteProfile(w.db, w.dataDir, w.profiles.oldest) });
    expectNothingChanged(replays, worlds, [
      'statement: select "id", "name",',
      'statement: select "id", "name",',
      'statement: delete from "profiles"',
      'commit: commit',
      'file: move profile folder aside',
    ]);
  });

  it('global preference set and delete', () => {
    for (const value of ['dark', null]) {
      const { setup, worlds } = recordingWorlds();
      const replays = replayWithFaults({ setup, flow: (w) => setGlobalPreference(w.db, 'lepupitre_theme', value) });
      expectNothingChanged(replays, worlds, [value === null ? 'statement: delete from "global_settings"' : 'statement: insert into "global_settings"']);
    }
  });

  it('profile preference set, composed (profile check, then the profile database)', () => {
    const { setup, worlds } = recordingWorlds();
    const replays = replayWithFaults({ setup, flow: (w) => setProfilePreference(w.db, w.dataDir, w.profiles.middle, 'voice_memos', '[]') });
    expectNothingChanged(replays, worlds, ['statement: select "id", "name",', 'file: open profile database']);
  });

  it('profile preference set on the profile database itself', () => {
    interface ProfileWorld extends FaultWorld {
      readonly profileDb: DatabaseHandle;
    }
    const replays = replayWithFaults<ProfileWorld>({
      setup: () => {
        const dataDir = tempDir();
        const global = openGlobalDatabase(dataDir);
        const id = createProfile(global, dataDir, 'Solo');
        global.close();
        const path = profileDatabasePath(dataDir, id);
        const profileDb = openDatabase(path, 'profile', { safeguards: TEST_SAFEGUARDS }).db;
        writeProfilePreference(profileDb, 'voice_memos', '[1]');
        return { db: profileDb, profileDb, databasePath: path, folder: join(dataDir, 'profiles', id) };
      },
      flow: (w) => writeProfilePreference(w.profileDb, 'voice_memos', '[1,2]'),
    });
    expect(replays).toHaveLength(1);
    for (const replay of replays) {
      expect(codeChain(replay.error)).toEqual([DbErrorCode.INJECTED_FAULT]);
      expect(replay.after).toEqual(replay.before);
      expect(replay.before.rows['profile_settings']).toEqual([{ key: 'voice_memos', value_json: '[1]' }]);
    }
  });
});
