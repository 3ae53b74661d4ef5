import { defineComponent, h, ref, shallowRef, watch } from 'vue';
import type { Feedback, RunSummary } from '../feedback';
import { asIpcError, type IpcError } from '../ipc';
import { act, invoke, load as loadInto, store, t, talkLabel } from '../store';
import { button, errorParts, formatDate } from '../ui';
import { FeedbackDetail } from './feedback-detail';
import { ScoreChart, type ScorePoint } from './score-chart';

interface RunView {
  run: RunSummary;
  feedback: Feedback | null;
  problem: IpcError | null;
}

/**
 * The runs of the open talk, newest first, with their feedback (a run's whole feedback and its
 * note open below it), under a chart of their scores. The list is emptied before it
 * loads, so it never shows another profile's or talk's runs, and a run whose feedback cannot be
 * read shows its own error while the others show theirs.
 */
export const RunsScreen = defineComponent({
  name: 'RunsScreen',
  setup() {
    const views = shallowRef<RunView[]>([]);
    const open = ref<string | null>(null);

    const load = async () => {
      views.value = [];
      const { profileId, projectId } = store;
      if (profileId === null || projectId === null) return;
      const runs = await invoke<RunSummary[]>('run_list', { profileId, projectId, limit: 100 });
      const loaded: RunView[] = [];
      for (const run of runs) {
        if (!run.feedback_id) {
          loaded.push({ run, feedback: null, problem: null });
          continue;
        }
        try {
          loaded.push({ run, feedback: await invoke<Feedback>('feedback_get', { profileId, feedbackId: run.feedback_id }), problem: null });
        } catch (error) {
          loaded.push({ run, feedback: null, problem: asIpcError(error) });
        }
      }
      // A switch while loading: the newer load owns the list.
      if (store.profileId === profileId && store.projectId === projectId) views.value = loaded;
    };
    watch(() => [store.profileId, store.projectId, store.revision], () => void loadInto(load), { immediate: true });

    const analyse = (run: RunSummary) => act('runs.analysing', () => invoke('run_analyze', { profileId: store.profileId, runId: run.id }).then(() => undefined), 'runs.analysed');

    const item = ({ run, feedback, problem }: RunView) =>
      h('li', { class: 'card', 'data-run-id': run.id }, [
        h('div', { class: 'row spread' }, [
          h('span', formatDate(run.created_at, store.locale)),
          problem
            ? h('span', { class: 'run-error' }, errorParts(problem, store.locale))
            : feedback
              ? h('span', [
                  h('span', { class: 'score' }, t('runs.score', { score: feedback.overall_score })),
                  ` · ${t(run.estimated_pace_wpm === null ? 'runs.pace' : 'runs.paceEstimated', { wpm: Math.round(feedback.metrics.wpm) })} · ${t('runs.fillers', { fillers: feedback.metrics.filler_per_min.toFixed(1) })}`,
                ])
              : h('span', { class: 'muted' }, t('runs.noFeedback')),
          feedback ? button(open.value === run.id ? t('runs.hide') : t('runs.details'), () => (open.value = open.value === run.id ? null : run.id)) : null,
          !feedback && !problem && run.transcript_id ? button(t('runs.analyse'), () => analyse(run)) : null,
        ]),
        feedback && run.feedback_id && open.value === run.id ? h(FeedbackDetail, { feedbackId: run.feedback_id, runId: run.id }) : null,
      ]);

    // Oldest to newest, whatever order the list is in; runs without a readable score are left out.
    const points = (): ScorePoint[] =>
      views.value
        .flatMap(({ run, feedback }) => (feedback ? [{ id: run.id, createdAt: run.created_at, score: feedback.overall_score }] : []))
        .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));

    return () => {
      if (store.profileId === null) return h('p', { class: 'muted' }, t('app.noProfile'));
      const talk = store.talks.find((candidate) => candidate.id === store.projectId);
      if (!talk) return h('p', { class: 'muted' }, t('app.noTalk'));
      return h('section', { 'aria-labelledby': 'runs-heading' }, [
        h('h2', { id: 'runs-heading' }, t('runs.title', { talk: talkLabel(talk) })),
        h(ScoreChart, { points: points() }),
        views.value.length === 0 ? h('p', { class: 'muted run-empty' }, t('runs.empty')) : h('ol', { class: 'cards runs', id: 'run-list' }, views.value.map(item)),
      ]);
    };
  },
});
