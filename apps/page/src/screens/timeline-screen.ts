import { defineComponent, h, reactive, ref, shallowRef, watch } from 'vue';
import type { TimelineEntry } from '../feedback';
import { invoke, load, store, t, talkLabel } from '../store';
import { button, field, formatDate } from '../ui';
import { FeedbackDetail } from './feedback-detail';

type Scope = 'talk' | 'all';
type Kind = 'both' | TimelineEntry['subject_type'];

/** The host answers at most this many entries. */
const MAX_LIMIT = 100;

/**
 * Every feedback of the open profile, newest first: runs and quest attempts, of the open talk
 * or of all talks, each with its score, what it is about and whether it has a note, and its
 * whole feedback on demand. The host filters by talk and count but not by kind, so a kind
 * filter asks for the most the host gives and keeps the first `limit` of that kind. The list
 * is emptied before it loads, so it never shows another profile's or talk's entries.
 */
export const TimelineScreen = defineComponent({
  name: 'TimelineScreen',
  setup() {
    const filters = reactive({ scope: 'talk' as Scope, kind: 'both' as Kind, limit: 30 });
    const entries = shallowRef<TimelineEntry[]>([]);
    const open = ref<string | null>(null);

    const reload = async () => {
      entries.value = [];
      const { profileId, projectId } = store;
      const { scope, kind, limit } = filters;
      if (profileId === null || (scope === 'talk' && projectId === null)) return;
      const listed = await invoke<TimelineEntry[]>('feedback_timeline_list', { profileId, projectId: scope === 'talk' ? projectId : null, limit: kind === 'both' ? limit : MAX_LIMIT });
      // A switch while loading: the newer load owns the list.
      if (store.profileId !== profileId || store.projectId !== projectId || filters.scope !== scope || filters.kind !== kind || filters.limit !== limit) return;
      entries.value = listed.filter((entry) => kind === 'both' || entry.subject_type === kind).slice(0, limit);
    };
    watch(() => [store.profileId, store.projectId, store.revision, filters.scope, filters.kind, filters.limit], () => void load(reload), { immediate: true });

    const select = <T extends string>(label: string, value: T, options: readonly (readonly [T, string])[], choose: (value: T) => void) =>
      field(label, (id) =>
        h(
          'select',
          { id, value: String(value), onChange: (e: Event) => choose(options.find(([option]) => String(option) === (e.target as HTMLSelectElement).value)?.[0] ?? value) },
          options.map(([option, text]) => h('option', { value: String(option) }, text)),
        ),
      );

    const about = (entry: TimelineEntry) => {
      const subject = entry.subject_type === 'run' ? t('timeline.run') : t('timeline.attempt', { code: entry.quest_code ?? '', title: entry.quest_title ?? '' });
      const talk = filters.scope === 'all' ? store.talks.find((candidate) => candidate.id === entry.project_id) : undefined;
      return talk ? `${subject} · ${talkLabel(talk)}` : subject;
    };

    const item = (entry: TimelineEntry) =>
      h('li', { class: 'card', 'data-feedback-id': entry.id, 'data-subject': entry.subject_type }, [
        h('div', { class: 'timeline-entry' }, [
          h('span', { class: 'timeline-date' }, formatDate(entry.created_at, store.locale)),
          h('span', { class: 'score' }, t('timeline.score', { score: entry.overall_score })),
          h('span', { class: 'timeline-about' }, about(entry)),
          entry.note_updated_at
            ? h('span', { class: 'badge timeline-note' }, t('timeline.hasNote', { date: formatDate(entry.note_updated_at, store.locale) }))
            : h('span', { class: 'muted timeline-note' }, t('timeline.noNote')),
          button(open.value === entry.id ? t('timeline.hide') : t('timeline.open'), () => (open.value = open.value === entry.id ? null : entry.id)),
        ]),
        open.value === entry.id ? h(FeedbackDetail, { feedbackId: entry.id, runId: entry.run_id }) : null,
      ]);

    return () => {
      if (store.profileId === null) return h('p', { class: 'muted' }, t('app.noProfile'));
      return h('section', { 'aria-labelledby': 'timeline-heading' }, [
        h('h2', { id: 'timeline-heading' }, t('timeline.title')),
        h('div', { class: 'row timeline-filters' }, [
          select(t('timeline.scope'), filters.scope, [['talk', t('timeline.scope.talk')], ['all', t('timeline.scope.all')]], (scope) => (filters.scope = scope)),
          select(t('timeline.kind'), filters.kind, [['both', t('timeline.kind.both')], ['run', t('timeline.kind.run')], ['quest_attempt', t('timeline.kind.quest_attempt')]], (kind) => (filters.kind = kind)),
          field(t('timeline.limit'), (id) =>
            h('input', {
              id,
              type: 'number',
              min: 1,
              max: MAX_LIMIT,
              step: 1,
              value: filters.limit,
              // On change, not on each key: typing "30" must not load the list for "3" first.
              onChange: (e: Event) => {
                const input = e.target as HTMLInputElement;
                const limit = Number(input.value);
                if (Number.isInteger(limit) && limit >= 1 && limit <= MAX_LIMIT) filters.limit = limit;
                else input.value = String(filters.limit);
              },
            }),
          ),
        ]),
        filters.scope === 'talk' && store.projectId === null
          ? h('p', { class: 'muted' }, t('app.noTalk'))
          : entries.value.length === 0
            ? h('p', { class: 'muted timeline-empty' }, t('timeline.empty'))
            : h('ol', { class: 'cards', id: 'timeline-list' }, entries.value.map(item)),
      ]);
    };
  },
});
