import { defineComponent, h, shallowRef, watch } from 'vue';
import type { MascotMessage, Quest } from '../quests';
import { load, store, t, talkLabel } from '../store';
import { AudioAttempt } from './training/audio-attempt';
import { coachPanel } from './training/coach-panel';
import { feedbackCard, type AttemptResult } from './training/feedback-card';
import { attemptList, questReport } from './training/history-panel';
import { dailyCard, estimatedMinutes, outputLabel, questList } from './training/quest-picker';
import { TextAttempt } from './training/text-attempt';
import { emptyTraining, loadMascot, loadTraining, type Part } from './training/training-data';

/**
 * Training for the open profile and talk: the coach's word and the progress, the daily quest
 * and every quest to pick from, the answer to the chosen one with its feedback at once, then the
 * talk's attempts and its report. Everything is emptied before it reloads on a profile or talk
 * switch (or after a change), so nothing of another talk ever shows.
 */
export const TrainingScreen = defineComponent({
  name: 'TrainingScreen',
  setup() {
    const data = shallowRef(emptyTraining());
    const mascot = shallowRef<Part<MascotMessage>>({ value: null, problem: null });
    // The chosen quest itself, not its code: the lists reload after every action (starting a
    // recording too), and the answer being made must not go with them.
    const chosen = shallowRef<Quest | null>(null);
    const result = shallowRef<AttemptResult | null>(null);

    /** Loads into the screen unless the open talk changed meanwhile: the newer load owns it. */
    const reload = async () => {
      data.value = emptyTraining();
      const { profileId, projectId } = store;
      if (profileId === null || projectId === null) return;
      const loaded = await loadTraining(profileId, projectId);
      if (store.profileId === profileId && store.projectId === projectId) data.value = loaded;
    };
    const reloadMascot = async () => {
      mascot.value = { value: null, problem: null };
      const { profileId, projectId, locale } = store;
      if (profileId === null || projectId === null) return;
      const loaded = await loadMascot(profileId, projectId, locale);
      if (store.profileId === profileId && store.projectId === projectId && store.locale === locale) mascot.value = loaded;
    };
    watch(
      () => [store.profileId, store.projectId],
      () => {
        chosen.value = null;
        result.value = null;
      },
    );
    // One load at a time, so the page is not told idle while a part still loads.
    watch(
      () => [store.profileId, store.projectId, store.revision],
      () =>
        void load(async () => {
          await reload();
          await reloadMascot();
        }),
      { immediate: true },
    );
    watch(() => store.locale, () => void load(reloadMascot));

    const choose = (code: string) => {
      chosen.value = data.value.quests.value?.find((quest) => quest.code === code) ?? (data.value.daily.value?.quest.code === code ? data.value.daily.value.quest : null);
      result.value = null;
    };
    const answered = (next: AttemptResult) => (result.value = next);

    const attemptPanel = (quest: Quest) =>
      h('section', { class: 'card attempt', id: 'quest-attempt', 'aria-labelledby': 'attempt-heading' }, [
        h('h3', { id: 'attempt-heading' }, t('training.attemptTitle', { quest: quest.title })),
        h('p', { class: 'attempt-prompt' }, quest.prompt),
        h('p', { class: 'muted' }, t('training.questMeta', { category: quest.category, output: outputLabel(quest), minutes: estimatedMinutes(quest.estimated_sec) })),
        quest.output_type === 'text'
          ? h(TextAttempt, { key: quest.code, quest, onAnswered: answered })
          : h(AudioAttempt, { key: quest.code, quest, onAnswered: answered }),
      ]);

    return () => {
      if (store.profileId === null) return h('p', { class: 'muted' }, t('app.noProfile'));
      const talk = store.talks.find((candidate) => candidate.id === store.projectId);
      if (!talk) return h('p', { class: 'muted' }, t('app.noTalk'));
      const { progress, daily, quests, attempts, report } = data.value;
      const quest = chosen.value;
      return h('section', { class: 'stack training', 'aria-labelledby': 'training-heading' }, [
        h('h2', { id: 'training-heading' }, t('training.title', { talk: talkLabel(talk) })),
        coachPanel(mascot.value, progress, choose),
        dailyCard(daily, choose),
        quest ? attemptPanel(quest) : null,
        result.value ? feedbackCard(result.value) : null,
        questList(quests, quest?.code ?? null, choose),
        attemptList(attempts),
        questReport(report),
      ]);
    };
  },
});
