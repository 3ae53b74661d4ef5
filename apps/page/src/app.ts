import { defineComponent, h, ref, watch } from 'vue';
import { createInvoke, IpcError, takeToken } from './ipc';
import { localLocale, storedLocale } from './locale';
import { SCREENS } from './screens';
import { act, chooseLocale, invoke, openProfile, openTalk, refreshProfiles, store, t, talkLabel, type Theme } from './store';
import { applyTheme, initialTheme } from './theme';
import { errorParts, field } from './ui';

/**
 * The page: a header (language, theme, the open profile and talk), the navigation between
 * screens, the outcome of the last action, and the screen. Everything goes through the app
 * host's router with the launch token; nothing is loaded from anywhere else.
 */
export const App = defineComponent({
  name: 'LePupitrePage',
  setup() {
    const screen = ref(window.location.hash.startsWith('#/') ? window.location.hash.slice(2) : 'profiles');
    store.locale = localLocale();
    store.theme = initialTheme();
    applyTheme(store.theme);
    watch(() => store.theme, applyTheme);
    watch(
      () => store.locale,
      (locale) => (document.documentElement.lang = locale),
      { immediate: true },
    );
    // A new screen starts without the outcome of an action taken on the previous one. Sync, so
    // that an action which ends by switching screens (saving a rehearsal) still says it succeeded.
    watch(
      screen,
      (id) => {
        window.history.replaceState(null, '', `#/${id}`);
        store.error = null;
        store.notice = '';
      },
      { flush: 'sync' },
    );

    const token = takeToken();
    if (token === null) {
      store.error = new IpcError('HOST_NO_TOKEN', 'open the address that npm start printed: it carries the access token');
    } else {
      store.invoke = createInvoke(token);
      if (!window.location.hash.startsWith('#/')) window.history.replaceState(null, '', `#/${screen.value}`);
      void act('app.loading', async () => {
        const stored = await storedLocale(invoke);
        if (!store.localeChosen) store.locale = stored;
        await refreshProfiles();
      });
    }

    const header = () =>
      h('header', [
        h('div', [h('h1', 'LePupitre'), h('p', { class: 'muted' }, t('app.tagline'))]),
        h('div', { class: 'row settings' }, [
          field(t('app.language'), (id) =>
            h('select', { id, value: store.locale, onChange: (e: Event) => chooseLocale((e.target as HTMLSelectElement).value) }, [
              h('option', { value: 'en' }, 'English'),
              h('option', { value: 'fr', lang: 'fr' }, 'Français'),
            ]),
          ),
          field(t('app.theme'), (id) =>
            h('select', { id, value: store.theme, onChange: (e: Event) => (store.theme = (e.target as HTMLSelectElement).value as Theme) }, [
              h('option', { value: 'light' }, t('app.theme.light')),
              h('option', { value: 'dark' }, t('app.theme.dark')),
            ]),
          ),
          store.profiles.length > 0
            ? field(t('profiles.select'), (id) =>
                h(
                  'select',
                  { id, value: store.profileId ?? '', onChange: (e: Event) => void openProfile((e.target as HTMLSelectElement).value) },
                  store.profiles.map((profile) => h('option', { value: profile.id }, profile.name)),
                ),
              )
            : null,
          store.talks.length > 0
            ? field(t('talks.select'), (id) =>
                h(
                  'select',
                  { id, value: store.projectId ?? '', onChange: (e: Event) => void openTalk((e.target as HTMLSelectElement).value) },
                  store.talks.map((talk) => h('option', { value: talk.id }, talkLabel(talk))),
                ),
              )
            : null,
        ]),
      ]);

    const nav = () =>
      h(
        'nav',
        { 'aria-label': t('app.screens') },
        SCREENS.map((candidate) =>
          h(
            'button',
            {
              type: 'button',
              class: ['tab', candidate.id === screen.value ? 'current' : ''],
              'aria-current': candidate.id === screen.value ? 'page' : undefined,
              onClick: () => (screen.value = candidate.id),
            },
            t(candidate.label),
          ),
        ),
      );

    return () => {
      const current = SCREENS.find((candidate) => candidate.id === screen.value) ?? SCREENS[0];
      return h('div', { class: 'page' }, [
        header(),
        nav(),
        h('p', { id: 'status', class: 'status', role: 'status', 'aria-live': 'polite' }, store.busy),
        h('p', { id: 'notice', class: 'notice', role: 'status', 'aria-live': 'polite' }, store.notice),
        store.error ? h('p', { id: 'error', class: 'error', role: 'alert', lang: store.locale }, errorParts(store.error, store.locale)) : null,
        h('main', { inert: store.busy !== '' ? true : undefined }, [current ? h(current.component, { onSaved: () => (screen.value = 'runs') }) : null]),
      ]);
    };
  },
});
