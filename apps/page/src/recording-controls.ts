import { h, shallowRef, type ShallowRef, type VNode } from 'vue';
import { useMicrophone } from './microphone';
import type { Recording } from './recorder';
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
 * discard, each confirmed like any action. The microphone is released when the screen closes,
 * and with the take when the profile changes (`useMicrophone`).
 */
export function useRecordingControls(): RecordingControls {
  const recorded = shallowRef<Recording | null>(null);
  const microphone = useMicrophone(() => (recorded.value = null));

  const start = () =>
    act(
      'rehearse.starting',
      async () => {
        await microphone.start();
        recorded.value = null;
      },
      'rehearse.started',
    );
  const stop = () =>
    act(
      'rehearse.stopping',
      async () => {
        const take = await microphone.stop();
        if (take) recorded.value = take;
      },
      'rehearse.stopped',
    );
  return {
    recorded,
    recording: microphone.recording,
    render: () => {
      const recording = microphone.recording();
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
