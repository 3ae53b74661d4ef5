import { defineComponent, h, reactive, ref, watch } from 'vue';
import { act, invoke, load, openTalk, refreshTalks, store, t, talkLabel, type Talk } from '../store';
import { button, field, form } from '../ui';

interface TalkFields {
  title: string;
  audience: string;
  goal: string;
  minutes: string;
  stage: string;
}

const fieldsOf = (talk: Talk | null): TalkFields => ({
  title: talk?.title ?? '',
  audience: talk?.audience ?? '',
  goal: talk?.goal ?? '',
  minutes: talk?.duration_target_sec ? String(Math.round(talk.duration_target_sec / 60)) : '',
  stage: talk?.stage ?? 'draft',
});

const payloadOf = (fields: TalkFields, withStage: boolean) => ({
  title: fields.title.trim(),
  audience: fields.audience.trim() === '' ? null : fields.audience.trim(),
  goal: fields.goal.trim() === '' ? null : fields.goal.trim(),
  duration_target_sec: fields.minutes.trim() === '' ? null : Math.round(Number(fields.minutes) * 60),
  ...(withStage ? { stage: fields.stage.trim() } : {}),
});

/** Talks: the list with number and stage, defining and editing one, its outline and export. */
export const TalksScreen = defineComponent({
  name: 'TalksScreen',
  setup() {
    const editing = ref<string | null>(null);
    const fields = reactive(fieldsOf(null));
    const newTitle = ref('');
    const outline = ref('');
    const exportedPath = ref('');

    // Emptied before it loads, and filled only if the same talk is still open when the answer
    // arrives: saving must never write one talk's outline over another's.
    const loadOutline = async () => {
      exportedPath.value = '';
      outline.value = '';
      const { profileId, projectId } = store;
      if (profileId === null || projectId === null) return;
      const loaded = await invoke<{ markdown: string }>('outline_get', { profileId, projectId });
      if (store.profileId === profileId && store.projectId === projectId) outline.value = loaded.markdown;
    };
    // The outline shown is always the open talk's: reloaded on every profile or talk switch.
    watch(() => [store.profileId, store.projectId], () => void load(loadOutline), { immediate: true });

    const create = () =>
      act(
        'talks.creating',
        async () => {
          await invoke('project_create', { profileId: store.profileId, payload: { title: newTitle.value.trim() } });
          newTitle.value = '';
          await refreshTalks();
          await loadOutline();
        },
        'talks.created',
      );
    const save = (talk: Talk) =>
      act(
        'talks.saving',
        async () => {
          await invoke('project_update', { profileId: store.profileId, projectId: talk.id, payload: payloadOf(fields, true) });
          editing.value = null;
          await refreshTalks();
        },
        'talks.saved',
      );
    const saveOutline = () =>
      act('talks.outlineSaving', () => invoke('outline_set', { profileId: store.profileId, projectId: store.projectId, markdown: outline.value }).then(() => undefined), 'talks.outlineSaved');
    const exportOutline = () =>
      act(
        'talks.outlineExporting',
        async () => {
          const { path } = await invoke<{ path: string }>('export_outline', { profileId: store.profileId, projectId: store.projectId });
          exportedPath.value = path;
        },
        'talks.outlineExported',
      );

    const input = (key: keyof TalkFields, type = 'text', extra: Record<string, unknown> = {}) => (id: string) =>
      h('input', { id, type, value: fields[key], ...extra, onInput: (e: Event) => (fields[key] = (e.target as HTMLInputElement).value) });

    const editor = (talk: Talk) =>
      form(() => save(talk), [
        field(t('talks.fieldTitle'), input('title', 'text', { required: true, maxlength: 120 })),
        field(t('talks.audience'), input('audience')),
        field(t('talks.goal'), input('goal')),
        field(t('talks.duration'), input('minutes', 'number', { min: 1, max: 600, step: 1 })),
        field(t('talks.stageField'), input('stage', 'text', { required: true, list: 'talk-stages' })),
        h('datalist', { id: 'talk-stages' }, ['draft', 'outline', 'rehearsal', 'ready', 'peer_review'].map((stage) => h('option', { value: stage }))),
        h('div', { class: 'row' }, [h('button', { type: 'submit', class: 'primary' }, t('talks.save')), button(t('talks.cancel'), () => (editing.value = null))]),
      ]);

    const row = (talk: Talk) =>
      h('li', { class: ['card', talk.id === store.projectId ? 'current' : ''], 'data-talk-id': talk.id }, [
        h('div', { class: 'row spread' }, [
          h('strong', { class: 'talk-label' }, talkLabel(talk)),
          talk.id === store.projectId ? h('span', { class: 'badge' }, t('talks.active')) : null,
          h('span', { class: 'muted' }, t('talks.stage', { stage: talk.stage })),
        ]),
        h('div', { class: 'row' }, [
          talk.id === store.projectId ? null : button(t('talks.open'), () => openTalk(talk.id), { kind: 'primary' }),
          button(t('talks.edit'), () => {
            editing.value = talk.id;
            Object.assign(fields, fieldsOf(talk));
          }),
        ]),
        editing.value === talk.id ? editor(talk) : null,
      ]);

    return () => {
      if (store.profileId === null) return h('p', { class: 'muted' }, t('app.noProfile'));
      const current = store.talks.find((talk) => talk.id === store.projectId) ?? null;
      return h('section', { 'aria-labelledby': 'talks-heading' }, [
        h('h2', { id: 'talks-heading' }, t('talks.title')),
        store.talks.length === 0 ? h('p', { class: 'muted' }, t('talks.empty')) : h('ul', { class: 'cards' }, store.talks.map(row)),
        form(
          create,
          [
            field(t('talks.createLabel'), (id) =>
              h('input', { id, value: newTitle.value, required: true, maxlength: 120, autocomplete: 'off', onInput: (e: Event) => (newTitle.value = (e.target as HTMLInputElement).value) }),
            ),
            h('button', { type: 'submit', class: 'primary' }, t('talks.create')),
          ],
          'row',
        ),
        current
          ? h('section', { class: 'outline', 'aria-labelledby': 'outline-heading' }, [
              h('h3', { id: 'outline-heading' }, t('talks.outline', { title: talkLabel(current) })),
              form(saveOutline, [
                field(t('talks.outlineLabel'), (id) => h('textarea', { id, rows: 10, value: outline.value, onInput: (e: Event) => (outline.value = (e.target as HTMLTextAreaElement).value) })),
                h('div', { class: 'row' }, [h('button', { type: 'submit', class: 'primary' }, t('talks.outlineSave')), button(t('talks.outlineExport'), exportOutline)]),
              ]),
              exportedPath.value ? h('p', { class: 'muted exported' }, t('talks.exportedTo', { path: exportedPath.value })) : null,
            ])
          : null,
      ]);
    };
  },
});
