import { DbError, DbErrorCode } from '@lepupitre/db-core';
import { profileDatabasePath } from '@lepupitre/repo-workspace';
import { existsSync, mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OPEN_PROFILES_LIMIT } from '../../src/runtime/host-connections';
import { CommandWorld } from '../support/command-world';
import { createRun } from '@lepupitre/repo-talk';
import { damageLeafOf, zeroHeader } from '../support/recovery-data';

describe('host connections', () => {
  let world: CommandWorld;
  beforeEach(() => {
    world = new CommandWorld();
  });
  afterEach(async () => {
    await world.close();
  });

  it('opens the global and the active profile database once and keeps them between commands', async () => {
    const profileId = await world.createProfile();
    const { connections } = world.host;
    const global = connections.global();
    const profile = connections.profile(profileId).db;
    for (let i = 0; i < 5; i += 1) {
      await world.ok('preference_profile_set', { profileId, key: `k${i}`, value: 'v' });
      await world.ok('preference_global_get', { key: 'k' });
    }
    expect(connections.global()).toBe(global);
    expect(connections.profile(profileId).db).toBe(profile);
    expect(connections.openProfiles).toEqual([profileId]);
  });

  it('keeps a bounded number of profile databases open, least recently used closed first', async () => {
    const ids: string[] = [];
    for (let i = 0; i <= OPEN_PROFILES_LIMIT; i += 1) ids.push(await world.createProfile(`P${i}`));
    expect(world.host.connections.openProfiles).toEqual(ids.slice(1));
    // A closed one opens again on its next use.
    await world.ok('preference_profile_get', { profileId: ids[0], key: 'k' });
    expect(world.host.connections.openProfiles).toEqual([...ids.slice(2), ids[0]]);
  });

  it('closes a profile database before the profile is deleted', async () => {
    const keep = await world.createProfile('Keep');
    const gone = await world.createProfile('Gone');
    await world.ok('profile_delete', { profileId: gone });
    expect(world.host.connections.openProfiles).toEqual([keep]);
    expect(existsSync(join(world.dataDir, 'profiles', gone))).toBe(false);
    expect(readdirSync(join(world.dataDir, 'deleted-profiles')).some((name) => name.startsWith(gone))).toBe(true);
  });

  it('drops every connection when a command meets corruption, so the next open recovers', () => {
    const { connections } = world.host;
    const before = connections.global();
    connections.noteFailure(new DbError(DbErrorCode.CORRUPT, 'database disk image is malformed'));
    expect(connections.openProfiles).toEqual([]);
    const reopened = connections.global();
    expect(reopened).not.toBe(before);
    // Any other failure keeps the connections: a lock or a full disk is not the file's fault.
    connections.noteFailure(new DbError(DbErrorCode.BUSY, 'locked'));
    expect(connections.global()).toBe(reopened);
  });

  it('recovers a damaged profile database when a later host opens it, and the command succeeds', async () => {
    const profileId = await world.createProfile();
    await world.ok('preference_profile_set', { profileId, key: 'ui.kept', value: 'yes' });
    await world.stop();
    zeroHeader(profileDatabasePath(world.dataDir, profileId));

    const next = new CommandWorld(world.dataDir);
    try {
      expect(await next.ok('preference_profile_get', { profileId, key: 'ui.kept' })).toBe('yes');
      expect(next.log).toEqual([`recovered profiles/${profileId}: recovered`]);
      expect(readdirSync(join(world.dataDir, 'profiles', profileId, 'corrupted')).length).toBeGreaterThan(0);
    } finally {
      await next.stop();
    }
  });

  it('a later host finishes what a killed writer left under artifacts/ and logs counts, never a path', async () => {
    const profileId = await world.createProfile();
    await world.stop();
    const profileDir = join(world.dataDir, 'profiles', profileId);
    mkdirSync(join(profileDir, 'artifacts', 'audio'), { recursive: true });
    writeFileSync(join(profileDir, 'artifacts', 'audio', '.00ff00ff00ff.tmp'), 'half a recording');
    writeFileSync(join(profileDir, 'artifacts', 'audio', 'art_00000000000000000000000000000001.wav'), 'a recording with no row');

    const next = new CommandWorld(world.dataDir);
    try {
      await next.ok('project_list', { profileId });
      expect(next.log).toEqual([
        `artifacts of profiles/${profileId}: removed 1 temporary file(s) of interrupted writes; set aside 1 file(s) no record refers to (23 B) in orphaned/`,
      ]);
      expect(readdirSync(join(profileDir, 'artifacts', 'audio'))).toEqual([]);
      expect(readdirSync(join(profileDir, 'orphaned', 'audio'))).toEqual(['art_00000000000000000000000000000001.wav']);
    } finally {
      await next.stop();
    }
  });

  it('recovers a file damaged while in use: the command meets DB_CORRUPT, the next one finds the file checked and recovered', async () => {
    const profileId = await world.createProfile();
    const projectId = await world.ok<string>('project_create', { profileId, payload: { title: 'Why SQLite' } });
    const { db } = world.host.connections.profile(profileId);
    db.transaction(() => {
      for (let i = 0; i < 150; i += 1) createRun(db, projectId);
    });
    await world.stop();
    // A clean close leaves no log behind: the next open has no reason to check the file.
    damageLeafOf(profileDatabasePath(world.dataDir, profileId), 'runs');

    const next = new CommandWorld(world.dataDir);
    try {
      expect(await next.fail('run_list', { profileId, projectId, limit: 100 })).toMatchObject({ code: 'DB_CORRUPT' });
      expect(next.host.connections.openProfiles).toEqual([]);
      const runs = await next.ok<unknown[]>('run_list', { profileId, projectId, limit: 100 });
      expect(runs.length).toBeGreaterThan(0);
      expect(next.log).toEqual([`recovered profiles/${profileId}: recovered`]);
      expect(readdirSync(join(world.dataDir, 'profiles', profileId, 'corrupted')).length).toBeGreaterThan(0);
      // Checked once: the recovered file is trusted again at later opens.
      next.host.connections.releaseProfile(profileId);
      await next.ok('run_list', { profileId, projectId });
      expect(next.log).toHaveLength(1);
    } finally {
      await next.stop();
    }
  });

  it('switches to a profile whose database is damaged: the host recovers it before the switch', async () => {
    const damaged = await world.createProfile('Damaged');
    await world.ok('preference_profile_set', { profileId: damaged, key: 'ui.kept', value: 'yes' });
    await world.createProfile('Current');
    await world.stop();
    zeroHeader(profileDatabasePath(world.dataDir, damaged));

    const next = new CommandWorld(world.dataDir);
    try {
      expect(await next.ok('profile_switch', { profileId: damaged })).toBeNull();
      const list = await next.ok<{ id: string; is_active: boolean }[]>('profile_list');
      expect(list.find((p) => p.is_active)?.id).toBe(damaged);
      expect(await next.ok('preference_profile_get', { profileId: damaged, key: 'ui.kept' })).toBe('yes');
      expect(next.log).toEqual([`recovered profiles/${damaged}: recovered`]);
    } finally {
      await next.stop();
    }
  });

  it('counts the talks of an open profile on its connection when listing profiles', async () => {
    const profileId = await world.createProfile();
    await world.ok('project_create', { profileId, payload: { title: 'One' } });
    const held = world.host.connections.heldProfileDatabase(profileId);
    expect(held).toBe(world.host.connections.profile(profileId).db);
    expect(world.host.connections.heldProfileDatabase('prof_other')).toBeNull();
    // With the file moved away, only the open connection can still count the talk.
    const path = profileDatabasePath(world.dataDir, profileId);
    renameSync(path, `${path}.moved`);
    try {
      const list = await world.ok<{ talks_count: number }[]>('profile_list');
      expect(list[0]?.talks_count).toBe(1);
    } finally {
      renameSync(`${path}.moved`, path);
    }
  });
});
