import { onBeforeUnmount, shallowRef, watch } from 'vue';
import { MicrophoneRecorder, type Recording } from './recorder';
import { store } from './store';

export interface Microphone {
  /** True while it records. */
  recording(): boolean;
  start(): Promise<void>;
  /** The take, or null when nothing was recording (released meanwhile). */
  stop(): Promise<Recording | null>;
}

/**
 * A screen's microphone: one recording at a time, released when the screen closes and when
 * the open profile changes, since a take belongs to the profile it was recorded for (the
 * device is freed, the unfinished take dropped). `onReleased` lets the screen drop what it
 * kept of that profile's takes too.
 */
export function useMicrophone(onReleased?: () => void): Microphone {
  const recorder = shallowRef<MicrophoneRecorder | null>(null);
  const release = () => {
    const current = recorder.value;
    recorder.value = null;
    if (current) void current.stop().catch(() => undefined);
  };
  watch(
    () => store.profileId,
    () => {
      release();
      onReleased?.();
    },
  );
  onBeforeUnmount(release);
  return {
    recording: () => recorder.value !== null,
    start: async () => {
      const next = new MicrophoneRecorder();
      await next.start();
      recorder.value = next;
    },
    stop: async () => {
      const current = recorder.value;
      recorder.value = null;
      return current ? current.stop() : null;
    },
  };
}
