import { defineComponent, h, ref, type PropType } from 'vue';
import { IpcError } from '../../ipc';
import type { Quest } from '../../quests';
import { useRecordingControls } from '../../recording-controls';
import { act, invoke, store, t } from '../../store';
import { field, form } from '../../ui';
import { toBase64 } from '../../wav';
import type { AttemptResult } from './feedback-card';
import type { Feedback } from '../../feedback';

/**
 * A spoken answer to a quest, with the Rehearse screen's microphone controls: the recording,
 * what was said as its transcript (the app has no speech recognition), the attempt and its
 * feedback are saved by `quest_submit_recording` as one unit, or not at all. Both are checked
 * before anything is sent.
 */
export const AudioAttempt = defineComponent({
  name: 'AudioAttempt',
  props: { quest: { type: Object as PropType<Quest>, required: true } },
  emits: { answered: (result: AttemptResult) => result.feedback !== undefined },
  setup(props, { emit }) {
    const said = ref('');
    const controls = useRecordingControls();
    const { recorded } = controls;

    const submit = () =>
      act(
        'training.submitting',
        async () => {
          const recording = recorded.value;
          if (recording === null) throw new IpcError('PAGE_ERROR', 'record the answer first');
          if (said.value.trim() === '') throw new IpcError('transcript_empty', 'the transcript has no words');
          const { profileId, projectId } = store;
          if (profileId === null || projectId === null) return;
          // One unit: the recording, what was said, the attempt and its feedback, or nothing.
          const { feedbackId } = await invoke<{ feedbackId: string }>('quest_submit_recording', {
            profileId,
            projectId,
            questCode: props.quest.code,
            wavBase64: toBase64(recording.wav),
            transcript: { format: 'text', content: said.value },
          });
          const feedback = await invoke<Feedback>('feedback_get', { profileId, feedbackId });
          said.value = '';
          recorded.value = null;
          // Shown only under the talk it answers: a switch meanwhile has cleared the screen.
          if (store.profileId === profileId && store.projectId === projectId) emit('answered', { questTitle: props.quest.title, feedback });
        },
        'training.submitted',
      );

    return () => {
      const recording = controls.recording();
      return form(submit, [
        h('p', { class: 'muted' }, t('training.audioHow')),
        ...controls.render(),
        field(t('rehearse.transcript'), (id) => h('textarea', { id, rows: 6, required: true, value: said.value, onInput: (e: Event) => (said.value = (e.target as HTMLTextAreaElement).value) })),
        recorded.value ? null : h('p', { class: 'muted' }, t('training.recordFirst')),
        h('div', [h('button', { type: 'submit', class: 'primary', disabled: recording || recorded.value === null }, t('training.submitAudio'))]),
      ]);
    };
  },
});
