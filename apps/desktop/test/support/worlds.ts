import { createProject } from '@lepupitre/repo-talk';
import type { ProfileSession } from '../../src/commands/command-context';
import type { CommandWorld } from './command-world';
import { useWorldTemplate, type TemplateCopy } from './world-template';

/*
 * The starting points most command specs share. Call `useProfileWorld` or `useTalkWorld` in a
 * `describe`: the data folder is built once for it (`world-template.ts`) and every test gets a
 * fresh copy from the returned function (in its `beforeEach`), closed after the test.
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

/**
 * A data folder with one profile (Ada), made through the router as the UI makes it (and so
 * active). `more` writes what the spec's tests share into it and returns their ids (plain data).
 */
export function useProfileWorld<X extends object = object>(more?: (profile: Omit<ProfileWorld, 'world'>) => X): () => ProfileWorld & X {
  const copy = useWorldTemplate(async (world) => {
    const profileId = await world.createProfile('Ada');
    const extra = more ? more({ profileId, session: world.host.connections.profile(profileId) }) : ({} as X);
    return { ...extra, profileId };
  });
  return () => opened(copy());
}

/** As `useProfileWorld`, with one talk of the profile (Keynote, written by the talk repository). */
export function useTalkWorld<X extends object = object>(more?: (talk: TalkFixture) => X): () => TalkWorld & X {
  const copy = useWorldTemplate(async (world) => {
    const profileId = await world.createProfile('Ada');
    const session = world.host.connections.profile(profileId);
    const projectId = addProject(session, 'Keynote');
    const extra = more ? more({ profileId, session, projectId }) : ({} as X);
    return { ...extra, profileId, projectId };
  });
  return () => opened(copy());
}

/** A copy's fixture with its world and the profile's session on the copy's host. */
function opened<F extends { profileId: string }>({ world, fixture }: TemplateCopy<F>): F & ProfileWorld {
  return { ...fixture, world, session: world.host.connections.profile(fixture.profileId) };
}

/** Another talk of the profile. */
export function addProject(session: ProfileSession, title = 'Another talk'): string {
  return createProject(session.db, { title });
}
