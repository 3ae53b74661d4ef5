import { defineComponent, h, ref } from 'vue';
import { act, invoke, openProfile, refreshProfiles, store, t, type Profile } from '../store';
import { button, field, form, formatBytes } from '../ui';

/**
 * Profiles: create, open, rename, delete, with each one's size and number of talks; on a first
 * visit, the steps of the app.
 */
export const ProfilesScreen = defineComponent({
  name: 'ProfilesScreen',
  setup() {
    const newName = ref('');
    const renaming = ref<string | null>(null);
    const renameTo = ref('');
    const deleting = ref<string | null>(null);

    const create = () =>
      act(
        'profiles.creating',
        async () => {
          await invoke('profile_create', { name: newName.value.trim() });
          newName.value = '';
          await refreshProfiles();
        },
        'profiles.created',
      );
    const rename = (profile: Profile) =>
      act(
        'profiles.renaming',
        async () => {
          await invoke('profile_rename', { profileId: profile.id, name: renameTo.value.trim() });
          renaming.value = null;
          await refreshProfiles();
        },
        'profiles.renamed',
      );
    const remove = (profile: Profile) =>
      act(
        'profiles.deleting',
        async () => {
          await invoke('profile_delete', { profileId: profile.id });
          deleting.value = null;
          await refreshProfiles();
        },
        'profiles.deleted',
      );

    const row = (profile: Profile) =>
      h('li', { class: ['card', profile.id === store.profileId ? 'current' : ''], 'data-profile-id': profile.id }, [
        h('div', { class: 'row spread' }, [
          h('strong', { class: 'profile-name' }, profile.name),
          profile.id === store.profileId ? h('span', { class: 'badge' }, t('profiles.active')) : null,
          h('span', { class: 'muted' }, t('profiles.sizeAndTalks', { size: formatBytes(profile.size_bytes, store.locale), talks: profile.talks_count })),
        ]),
        h('div', { class: 'row' }, [
          profile.id === store.profileId ? null : button(t('profiles.open'), () => openProfile(profile.id), { kind: 'primary' }),
          button(t('profiles.rename'), () => {
            renaming.value = profile.id;
            renameTo.value = profile.name;
          }),
          button(t('profiles.delete'), () => (deleting.value = profile.id), { kind: 'danger' }),
        ]),
        renaming.value === profile.id
          ? form(() => rename(profile), [
              field(t('profiles.newName', { name: profile.name }), (id) =>
                h('input', { id, value: renameTo.value, required: true, maxlength: 80, onInput: (e: Event) => (renameTo.value = (e.target as HTMLInputElement).value) }),
              ),
              h('div', { class: 'row' }, [h('button', { type: 'submit', class: 'primary' }, t('profiles.saveName')), button(t('profiles.cancel'), () => (renaming.value = null))]),
            ])
          : null,
        deleting.value === profile.id
          ? h('div', { class: 'confirm' }, [
              h('p', t('profiles.deleteWarning')),
              h('div', { class: 'row' }, [button(t('profiles.confirmDelete', { name: profile.name }), () => remove(profile), { kind: 'danger' }), button(t('profiles.cancel'), () => (deleting.value = null))]),
            ])
          : null,
      ]);

    return () =>
      h('section', { 'aria-labelledby': 'profiles-heading' }, [
        h('h2', { id: 'profiles-heading' }, t('profiles.title')),
        store.profiles.length === 0
          ? // A first visit: what the app is for, in four steps, before the one field it needs.
            h('div', { class: 'welcome' }, [
              h('p', t('profiles.empty')),
              h('ol', [h('li', t('help.step1')), h('li', t('help.step2')), h('li', t('help.step3')), h('li', t('help.step4'))]),
            ])
          : h('ul', { class: 'cards' }, store.profiles.map(row)),
        form(
          create,
          [
            field(t('profiles.createLabel'), (id) =>
              h('input', { id, value: newName.value, required: true, maxlength: 80, autocomplete: 'off', onInput: (e: Event) => (newName.value = (e.target as HTMLInputElement).value) }),
            ),
            h('button', { type: 'submit', class: 'primary' }, t('profiles.create')),
          ],
          'row',
        ),
      ]);
  },
});
