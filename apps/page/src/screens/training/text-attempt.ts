import { defineComponent, h, ref, type PropType } from 'vue';
import { IpcError } from '../../ipc';
import type { Quest } from '../../quests';
import { act, invoke, store, t } from '../../store';
import { field, form } from '../../ui';
import type { AttemptResult } from './feedback-card';
import { feedbackOfAttempt } from './training-data';

/**
 * A written answer to a quest: submitted, analysed and its feedback read in one action, so the
 * person sees what to work on at once. An answer of white space only is refused before anything
 * is sent, with the quest's own code for an attempt without text.
 */
export const TextAttempt = defineComponent({
  name: 'TextAttempt',
  props: { quest: { type: Object as PropType<Quest>, required: true } },
  emits: { answered: (result: AttemptResult) => result.feedback !== undefined },
  setup(props, { emit }) {
    const answer = ref('');

    const submit = () =>
      act(
        'training.submitting',
        async () => {
          if (answer.value.trim() === '') throw new IpcError('attempt_missing_text', 'the answer has no words');
          const { profileId, projectId } = store;
          if (profileId === null || projectId === null) return;
          const attemptId = await invoke<string>('quest_submit_text', { profileId, projectId, questCode: props.quest.code, text: answer.value });
          const feedback = await feedbackOfAttempt(profileId, attemptId);
          answer.value = '';
          // Shown only under the talk it answers: a switch meanwhile has cleared the screen.
          if (store.profileId === profileId && store.projectId === projectId) emit('answered', { questTitle: props.quest.title, feedback });
        },
        'training.submitted',
      );

    return () =>
      form(submit, [
        field(t('training.answer'), (id) =>
          h('textarea', { id, rows: 6, required: true, value: answer.value, onInput: (e: Event) => (answer.value = (e.target as HTMLTextAreaElement).value) }),
        ),
        h('div', [h('button', { type: 'submit', class: 'primary' }, t('training.submit'))]),
      ]);
  },
});
