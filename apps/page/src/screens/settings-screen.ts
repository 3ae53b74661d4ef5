import { defineComponent, h, shallowRef } from 'vue';
import { act, chooseLocale, invoke, store, t, type Theme } from '../store';
import { button, field } from '../ui';

interface Diagnostics {
  scope: string;
  appliedMigrationCount: number;
  expectedMigrationCount: number;
  integrityCheck: string;
  foreignKeyViolations: number;
}

/** Settings: the page's language (every text, stored for every browser), the theme, and a database check. */
export const SettingsScreen = defineComponent({
  name: 'SettingsScreen',
  setup() {
    const report = shallowRef<Diagnostics[]>([]);
    const check = () =>
      act(
        'settings.checking',
        async () => {
          const answer = await invoke<{ global: Diagnostics; profile: Diagnostics | null }>('profile_db_diagnostics', store.profileId === null ? {} : { profileId: store.profileId });
          report.value = [answer.global, ...(answer.profile ? [answer.profile] : [])];
        },
        'settings.checked',
      );
    return () =>
      h('section', { 'aria-labelledby': 'settings-heading' }, [
        h('h2', { id: 'settings-heading' }, t('settings.title')),
        field(
          t('app.language'),
          (id) =>
            h(
              'select',
              {
                id,
                value: store.locale,
                onChange: (e: Event) => chooseLocale((e.target as HTMLSelectElement).value),
              },
              [h('option', { value: 'en' }, 'English'), h('option', { value: 'fr', lang: 'fr' }, 'Français')],
            ),
          t('settings.languageHint'),
        ),
        field(
          t('app.theme'),
          (id) =>
            h('select', { id, value: store.theme, onChange: (e: Event) => (store.theme = (e.target as HTMLSelectElement).value as Theme) }, [
              h('option', { value: 'light' }, t('app.theme.light')),
              h('option', { value: 'dark' }, t('app.theme.dark')),
            ]),
          t('settings.themeHint'),
        ),
        h('div', { class: 'row' }, [button(t('settings.check'), check)]),
        report.value.length > 0
          ? h(
              'ul',
              { class: 'diagnostics' },
              report.value.map((entry) =>
                h(
                  'li',
                  t('settings.checkResult', {
                    scope: entry.scope,
                    applied: entry.appliedMigrationCount,
                    expected: entry.expectedMigrationCount,
                    integrity: entry.integrityCheck,
                    violations: entry.foreignKeyViolations,
                  }),
                ),
              ),
            )
          : null,
      ]);
  },
});
