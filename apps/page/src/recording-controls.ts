import { h, onBeforeUnmount, shallowRef, type ShallowRef, type VNode } from 'vue';
import { MicrophoneRecorder, type Recording } from './recorder';
import { act, t } from './store';
import { button } from './ui';

export interface RecordingControls {
  /** The take once stopped: the WAV and its length. */
  readonly recorded: ShallowRef<Recording | null>;
  /** True while the microphone records. */
  recording(): boolean;
  /** The record/stop and discard buttons and the recording state, for a screen's form. */
  render(): VNode[];
}

/**
 * The microphone as screens use it (rehearsing, answering an audio quest): record, stop,
 * discard, each confirmed like any action, and the microphone released when the screen closes.
 */
export function useRecordingControls(): RecordingControls {
  const recorder = shallowRef<MicrophoneRecorder | null>(null);
  const recorded = shallowRef<Recording | null>(null);

  const start = () =>
    act(
      'rehearse.starting',
      async () => {
        const next = new MicrophoneRecorder();
        await next.start();
        recorder.value = next;
        recorded.value = null;
      },
      'rehearse.started',
    );
  const stop = () =>
    act(
      'rehearse.stopping',
      async () => {
        const current = recorder.value;
        recorder.value = null;
        if (current) recorded.value = await current.stop();
      },
      'rehearse.stopped',
    );
  onBeforeUnmount(() => void recorder.value?.stop());

  return {
    recorded,
    recording: () => recorder.value !== null,
    render: () => {
      const recording = recorder.value !== null;
      return [
        h('div', { class: 'row' }, [
          recording ? button(t('rehearse.stop'), stop, { kind: 'danger' }) : button(t('rehearse.record'), start),
          recorded.value ? button(t('rehearse.discard'), () => (recorded.value = null)) : null,
        ]),
        ...(recording ? [h('p', { class: 'recording', role: 'status' }, t('rehearse.recording'))] : []),
        ...(recorded.value ? [h('p', { class: 'recorded' }, t('rehearse.recorded', { seconds: (recorded.value.durationMs / 1000).toFixed(1) }))] : []),
      ];
    },
  };
}
