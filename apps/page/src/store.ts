import { reactive } from 'vue';
import { asIpcError, type Invoke, type IpcError } from './ipc';
import { translate, type MessageKey } from './i18n';
import { localeOf, saveLocale, type Locale } from './locale';

export type Theme = 'light' | 'dark';

export interface Profile {
  id: string;
  name: string;
  created_at: string;
  last_opened_at: string | null;
  is_active: boolean;
  size_bytes: number;
  talks_count: number;
}

export interface Talk {
  id: string;
  title: string;
  audience: string | null;
  goal: string | null;
  duration_target_sec: number | null;
  talk_number: number | null;
  stage: string;
  is_active?: boolean;
  created_at: string;
  updated_at: string;
}

/**
 * What every screen shares: the host's router, the open profile and talk, the language and
 * theme, and the one place where the outcome of the last action is told (an error as its
 * sentence, or a confirmation). Screens reload their own lists when `profileId` or `projectId`
 * changes, so a list never shows another profile's or talk's items.
 */
export const store = reactive({
  invoke: null as Invoke | null,
  locale: 'en' as Locale,
  /** Set once the person picks a language: a stored preference read later must not undo it. */
  localeChosen: false,
  theme: 'light' as Theme,
  profileId: null as string | null,
  projectId: null as string | null,
  profiles: [] as Profile[],
  talks: [] as Talk[],
  error: null as IpcError | null,
  notice: '',
  busy: '',
  /** Bumped after each change, so screens showing derived lists reload. */
  revision: 0,
});

export function t(key: MessageKey, params?: Readonly<Record<string, string | number>>): string {
  return translate(store.locale, key, params);
}

export function invoke<T = unknown>(command: string, payload?: unknown): Promise<T> {
  if (!store.invoke) return Promise.reject(asIpcError(new Error('the page has no access token')));
  return store.invoke<T>(command, payload);
}

/**
 * Runs one user action: controls off meanwhile (`busy`), errors shown instead of thrown, and
 * `done` said once it succeeded, so that a change is never silent.
 */
export async function act(busy: MessageKey, work: () => Promise<void>, done?: MessageKey): Promise<boolean> {
  store.error = null;
  store.notice = '';
  store.busy = t(busy);
  try {
    await work();
    store.revision += 1;
    if (done) store.notice = t(done);
    return true;
  } catch (error) {
    store.error = asIpcError(error);
    return false;
  } finally {
    store.busy = '';
  }
}

/**
 * Loads what a screen shows. Unlike `act`, it leaves the outcome of the last action on screen
 * (a screen loads right after an action that switched to it); only its own failure is shown.
 */
export async function load(work: () => Promise<void>): Promise<void> {
  store.busy = t('app.loading');
  try {
    await work();
  } catch (error) {
    store.error = asIpcError(error);
  } finally {
    store.busy = '';
  }
}

/** The profiles, the active one open; then its talks. */
export async function refreshProfiles(): Promise<void> {
  store.profiles = await invoke<Profile[]>('profile_list');
  const active = store.profiles.find((profile) => profile.is_active) ?? store.profiles[0] ?? null;
  if (active?.id !== store.profileId) {
    store.profileId = active?.id ?? null;
    store.projectId = null;
    store.talks = [];
  }
  await refreshTalks();
}

export async function refreshTalks(): Promise<void> {
  const profileId = store.profileId;
  const talks = profileId === null ? [] : await invoke<Talk[]>('project_list', { profileId });
  // A switch while this was loading: the newer load owns the list.
  if (store.profileId !== profileId) return;
  store.talks = talks;
  store.projectId = (talks.find((talk) => talk.is_active) ?? talks[0])?.id ?? null;
}

/** Opens a profile (its database is opened and recovered if need be), then shows its talks. */
export function openProfile(profileId: string): Promise<boolean> {
  return act(
    'profiles.opening',
    async () => {
      await invoke('profile_switch', { profileId });
      await refreshProfiles();
    },
    'profiles.opened',
  );
}

/** Makes a talk of the open profile the current one. */
export function openTalk(projectId: string): Promise<boolean> {
  return act(
    'talks.opening',
    async () => {
      await invoke('project_set_active', { profileId: store.profileId, projectId });
      await refreshTalks();
    },
    'talks.opened',
  );
}

export const talkLabel = (talk: Talk): string => (talk.talk_number === null ? talk.title : `#${talk.talk_number} · ${talk.title}`);

/**
 * A language the person picked (header or settings): shown at once, kept in the stored
 * preference, and never replaced by the stored value of a load that was still running.
 */
export function chooseLocale(value: string): void {
  store.locale = localeOf(value);
  store.localeChosen = true;
  if (store.invoke) void saveLocale(store.invoke, store.locale).catch(() => undefined);
}
