import { createProject } from '@lepupitre/repo-talk';
import type { ProfileSession } from '../../src/commands/command-context';
import { CommandWorld } from './command-world';

/*
 * The starting points most command specs share, each in a new data folder: open one per test
 * (`beforeEach`) and close its `world` after it (`afterEach`).
 */

export interface ProfileWorld {
  readonly world: CommandWorld;
  readonly profileId: string;
  /** The profile's database and folder, as the host keeps them open. */
  readonly session: ProfileSession;
}

/** A profile and one of its talks. */
export interface TalkFixture {
  readonly profileId: string;
  readonly session: ProfileSession;
  readonly projectId: string;
}

export interface TalkWorld extends ProfileWorld, TalkFixture {}

/** A new data folder with one profile, made through the router as the UI makes it (and so active). */
export async function worldWithProfile(name = 'Ada'): Promise<ProfileWorld> {
  const world = new CommandWorld();
  try {
    const profileId = await world.createProfile(name);
    return { world, profileId, session: world.host.connections.profile(profileId) };
  } catch (error) {
    await world.close();
    throw error;
  }
}

/** A new data folder with one profile and one talk of that profile (the talk written by the talk repository). */
export async function worldWithTalk(title = 'Keynote'): Promise<TalkWorld> {
  const opened = await worldWithProfile();
  return { ...opened, projectId: addProject(opened.session, title) };
}

/** Another talk of the profile. */
export function addProject(session: ProfileSession, title = 'Another talk'): string {
  return createProject(session.db, { title });
}
