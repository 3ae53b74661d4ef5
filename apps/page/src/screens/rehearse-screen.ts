import { defineComponent, h, ref, shallowRef } from 'vue';
import { IpcError } from '../ipc';
import { useRecordingControls } from '../recording-controls';
import { act, invoke, store, t, talkLabel } from '../store';
import { field, form } from '../ui';
import { toBase64 } from '../wav';

/**
 * A rehearsal: audio from the microphone (16 kHz mono 16-bit WAV), from a picked file, or none
 * (the app then makes silence as long as saying the text takes, and every view of that run
 * says its pace is an estimate: `estimated_pace_wpm`); the
 * transcript typed or imported. Saved whole by `rehearsal_save`, or not at all; a transcript of
 * white space only is refused before anything is sent.
 */
export const RehearseScreen = defineComponent({
  name: 'RehearseScreen',
  emits: ['saved'],
  setup(_props, { emit }) {
    const text = ref('');
    const format = ref<'text' | 'json'>('text');
    const file = shallowRef<File | null>(null);
    const controls = useRecordingControls();
    const { recorded } = controls;
    const fileInput = ref<HTMLInputElement | null>(null);

    const importTranscript = (picked: File) =>
      act(
        'rehearse.reading',
        async () => {
          const content = await picked.text();
          format.value = picked.name.toLowerCase().endsWith('.json') ? 'json' : 'text';
          text.value = content;
        },
        'rehearse.read',
      );

    const wavBase64 = async (): Promise<string | null> => {
      if (recorded.value) return toBase64(recorded.value.wav);
      if (file.value) return toBase64(new Uint8Array(await file.value.arrayBuffer()));
      return null;
    };

    const save = () =>
      act(
        'rehearse.saving',
        async () => {
          if (text.value.trim() === '') throw new IpcError('transcript_empty', 'the transcript has no words');
          await invoke('rehearsal_save', {
            profileId: store.profileId,
            projectId: store.projectId,
            wavBase64: await wavBase64(),
            transcript: { format: format.value, content: text.value },
          });
          text.value = '';
          format.value = 'text';
          file.value = null;
          recorded.value = null;
          if (fileInput.value) fileInput.value.value = '';
          emit('saved');
        },
        'rehearse.saved',
      );

    return () => {
      if (store.profileId === null) return h('p', { class: 'muted' }, t('app.noProfile'));
      const talk = store.talks.find((candidate) => candidate.id === store.projectId);
      if (!talk) return h('p', { class: 'muted' }, t('app.noTalk'));
      const recording = controls.recording();
      return h('section', { 'aria-labelledby': 'rehearse-heading' }, [
        h('h2', { id: 'rehearse-heading' }, t('rehearse.title', { talk: talkLabel(talk) })),
        h('fieldset', { class: 'stack' }, [
          h('legend', t('rehearse.audio')),
          ...controls.render(),
          field(t('rehearse.file'), (id) =>
            h('input', { id, ref: fileInput, type: 'file', accept: '.wav,audio/wav', onChange: (e: Event) => (file.value = (e.target as HTMLInputElement).files?.[0] ?? null) }),
          ),
          recorded.value || file.value ? null : h('p', { class: 'muted estimate' }, t('rehearse.noAudio')),
        ]),
        form(save, [
          h('p', { class: 'muted' }, t('rehearse.noRecognition')),
          field(t('rehearse.transcript'), (id) => h('textarea', { id, rows: 8, required: true, value: text.value, onInput: (e: Event) => (text.value = (e.target as HTMLTextAreaElement).value) })),
          field(t('rehearse.transcriptFile'), (id) =>
            h('input', {
              id,
              type: 'file',
              accept: '.txt,.json,text/plain,application/json',
              onChange: (e: Event) => {
                const picked = (e.target as HTMLInputElement).files?.[0];
                if (picked) void importTranscript(picked);
              },
            }),
          ),
          h('button', { type: 'submit', class: 'primary', disabled: recording }, t('rehearse.save')),
        ]),
      ]);
    };
  },
});
