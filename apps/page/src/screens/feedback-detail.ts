import { defineComponent, h, ref, shallowRef, watch, type PropType, type VNode } from 'vue';
import type { Feedback, FeedbackAction, FeedbackComment, QuestSummary, RunSummary } from '../feedback';
import { metricLines } from '../feedback-metrics';
import type { MessageKey } from '../i18n';
import { asIpcError, type IpcError } from '../ipc';
import { act, invoke, load, store, t } from '../store';
import { errorParts, field, form } from '../ui';

const SEVERITIES: Readonly<Record<string, MessageKey>> = { low: 'feedback.severity.low', medium: 'feedback.severity.medium', high: 'feedback.severity.high' };

/** A call whose failure is kept for the part of the details it concerns, instead of failing the whole. */
async function attempt<T>(work: () => Promise<T>): Promise<{ value: T; problem: null } | { value: null; problem: IpcError }> {
  try {
    return { value: await work(), problem: null };
  } catch (error) {
    return { value: null, problem: asIpcError(error) };
  }
}

/**
 * Everything one feedback holds (score, actions with the quests they recommend, comments,
 * every metric with its unit and meaning) and the person's note on it. The feedback, the
 * quest titles and the note are read separately: an unreadable feedback shows its own error
 * where it would have been, and its note can still be read and written.
 */
export const FeedbackDetail = defineComponent({
  name: 'FeedbackDetail',
  // `runId`: the run the feedback is about, if any; a run without a recording has an estimated
  // pace, which the metrics then say.
  props: { feedbackId: { type: String, required: true }, runId: { type: String as PropType<string | null>, default: null } },
  setup(props) {
    const feedback = shallowRef<Feedback | null>(null);
    const problem = shallowRef<IpcError | null>(null);
    const titles = shallowRef<ReadonlyMap<string, string>>(new Map());
    const titlesProblem = shallowRef<IpcError | null>(null);
    const note = ref('');
    const noteProblem = shallowRef<IpcError | null>(null);
    const estimatedPace = ref<number | null>(null);

    const reload = async () => {
      feedback.value = null;
      problem.value = null;
      titlesProblem.value = null;
      noteProblem.value = null;
      note.value = '';
      estimatedPace.value = null;
      const { profileId } = store;
      const { feedbackId, runId } = props;
      if (profileId === null) return;
      const [read, quests, stored, run] = [
        await attempt(() => invoke<Feedback>('feedback_get', { profileId, feedbackId })),
        await attempt(() => invoke<QuestSummary[]>('quest_list', { profileId })),
        await attempt(() => invoke<string | null>('feedback_note_get', { profileId, feedbackId })),
        runId === null ? { value: null, problem: null } : await attempt(() => invoke<RunSummary | null>('run_get', { profileId, runId })),
      ];
      // A switch while loading: the newer load owns what is shown.
      if (store.profileId !== profileId || props.feedbackId !== feedbackId) return;
      feedback.value = read.value;
      problem.value = read.problem;
      titles.value = new Map((quests.value ?? []).map((quest) => [quest.code, quest.title]));
      titlesProblem.value = quests.problem;
      note.value = stored.value ?? '';
      noteProblem.value = stored.problem;
      // Unknown (the run could not be read): the pace is shown as the feedback states it.
      estimatedPace.value = run.value?.estimated_pace_wpm ?? null;
    };
    watch(() => [props.feedbackId, store.profileId, store.revision], () => void load(reload), { immediate: true });

    const saveNote = () => {
      const text = note.value.trim() === '' ? null : note.value;
      return act('feedback.noteSaving', () => invoke('feedback_note_set', { profileId: store.profileId, feedbackId: props.feedbackId, note: text }).then(() => undefined), text === null ? 'feedback.noteDeleted' : 'feedback.noteSaved');
    };

    const questNames = (codes: readonly string[]) => codes.map((code) => (titles.value.has(code) ? `${code} · ${titles.value.get(code)}` : code)).join(', ');
    const action = (item: FeedbackAction) =>
      h('li', { class: 'feedback-action', 'data-action-id': item.action_id }, [
        h('strong', item.title),
        h('p', { class: 'why' }, [h('span', { class: 'muted' }, t('feedback.why')), item.why_it_matters]),
        h('p', { class: 'how' }, [h('span', { class: 'muted' }, t('feedback.how')), item.how_to_fix]),
        h('p', { class: 'quests' }, [
          h('span', { class: 'muted' }, t('feedback.quests')),
          questNames(item.target_quest_codes),
          titlesProblem.value ? h('span', { class: 'run-error' }, [' ', ...errorParts(titlesProblem.value, store.locale)]) : null,
        ]),
      ]);
    const comment = (item: FeedbackComment) =>
      h('li', { class: 'feedback-comment' }, [
        h('span', { class: 'muted' }, t('feedback.comment', { from: (item.t_start_ms / 1000).toFixed(1), to: (item.t_end_ms / 1000).toFixed(1), severity: SEVERITIES[item.severity] ? t(SEVERITIES[item.severity] as MessageKey) : item.severity })),
        ' ',
        h('strong', item.label),
        `: ${item.suggestion}`,
      ]);

    const content = (shown: Feedback): VNode[] => [
      h('p', { class: 'feedback-score' }, t('feedback.score', { score: shown.overall_score })),
      h('h4', t('feedback.actions')),
      shown.top_actions.length === 0 ? h('p', { class: 'muted' }, t('feedback.noActions')) : h('ul', { class: 'feedback-actions' }, shown.top_actions.map(action)),
      h('h4', t('feedback.comments')),
      shown.comments.length === 0 ? h('p', { class: 'muted' }, t('feedback.noComments')) : h('ul', { class: 'feedback-comments' }, shown.comments.map(comment)),
      h('h4', t('feedback.metrics')),
      h(
        'dl',
        { class: 'metrics' },
        metricLines(shown.metrics, store.locale, estimatedPace.value !== null).flatMap((line) => [
          h('dt', line.label),
          h('dd', { 'data-metric': line.id }, [h('span', { class: 'metric-value' }, line.value), h('small', { class: 'muted' }, line.meaning)]),
        ]),
      ),
    ];

    return () =>
      h('div', { class: 'details feedback-detail', 'data-feedback-id': props.feedbackId }, [
        problem.value ? h('p', { class: 'run-error feedback-error' }, errorParts(problem.value, store.locale)) : null,
        ...(feedback.value ? content(feedback.value) : []),
        form(saveNote, [
          field(t('feedback.note'), (id) => h('textarea', { id, rows: 3, value: note.value, onInput: (e: Event) => (note.value = (e.target as HTMLTextAreaElement).value) }), t('feedback.noteHint')),
          noteProblem.value ? h('p', { class: 'run-error' }, errorParts(noteProblem.value, store.locale)) : null,
          h('div', { class: 'row' }, [h('button', { type: 'submit', class: 'primary' }, t('feedback.noteSave'))]),
        ]),
      ]);
  },
});
