import { defineComponent, h, ref, type PropType } from 'vue';
import { IpcError } from '../../ipc';
import type { Quest } from '../../quests';
import { useRecordingControls } from '../../recording-controls';
import { act, invoke, store, t } from '../../store';
import { field, form } from '../../ui';
import { toBase64 } from '../../wav';
import type { AttemptResult } from './feedback-card';
import { feedbackOfAttempt } from './training-data';

/**
 * A spoken answer to a quest, with the Rehearse screen's microphone recorder: the recording is
 * imported (`audio_import_wav`), what was said is stored as its transcript (the app has no
 * speech recognition), and the attempt is submitted and analysed. Both are checked before
 * anything is sent, so a refused answer leaves no recording behind.
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
          const audio = await invoke<{ artifactId: string }>('audio_import_wav', { profileId, wavBase64: toBase64(recording.wav) });
          const { transcriptId } = await invoke<{ transcriptId: string }>('transcript_import', { profileId, audioArtifactId: audio.artifactId, format: 'text', content: said.value });
          const attemptId = await invoke<string>('quest_submit_audio', { profileId, projectId, questCode: props.quest.code, audioArtifactId: audio.artifactId, transcriptId });
          const feedback = await feedbackOfAttempt(profileId, attemptId);
          said.value = '';
          recorded.value = null;
          emit('answered', { questTitle: props.quest.title, feedback });
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
