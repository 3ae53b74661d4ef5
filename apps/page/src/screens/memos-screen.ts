import { defineComponent, h, ref, shallowRef, watch } from 'vue';
import { objectUrlOf, useHeldObjectUrl } from '../download';
import { IpcError } from '../ipc';
import { MAX_MEMOS, readMemos, updateMemos, type Memo, type MemoEntry } from '../memo-list';
import { useMicrophone } from '../microphone';
import { act, invoke, load as loadInto, store, t } from '../store';
import { button, errorParts, field, form, formatDate } from '../ui';
import { toBase64 } from '../wav';

interface StoredAudio {
  path: string;
  artifactId: string;
  durationMs: number;
}

/**
 * Voice memos of the open profile: recorded from the microphone or kept from a WAV file
 * (`audio_import_wav`), listed from the page's own record of them, deleted after a
 * confirmation with `voice_memo_delete`, which refuses an audio a run or attempt uses.
 */
export const MemosScreen = defineComponent({
  name: 'MemosScreen',
  setup() {
    const entries = shallowRef<MemoEntry[]>([]);
    const label = ref('');
    const microphone = useMicrophone();
    const picked = shallowRef<File | null>(null);
    const fileInput = ref<HTMLInputElement | null>(null);
    const deleting = ref<string | null>(null);
    /** The memo being played, from its bytes' object URL. */
    const { held: playing, set: setPlaying } = useHeldObjectUrl<{ artifactId: string; url: string }>(() => store.profileId);
    const play = (memo: Memo) =>
      act('memos.loadingAudio', async () => {
        const profileId = store.profileId;
        if (profileId === null) return;
        const { wavBase64 } = await invoke<{ wavBase64: string }>('audio_read_wav', { profileId, audioArtifactId: memo.artifactId });
        if (store.profileId !== profileId) return;
        setPlaying({ artifactId: memo.artifactId, url: objectUrlOf(wavBase64, 'audio/wav') });
      });

    const load = async () => {
      entries.value = [];
      const profileId = store.profileId;
      if (profileId === null) return;
      const loaded = await readMemos(profileId);
      if (store.profileId === profileId) entries.value = loaded;
    };
    watch(() => [store.profileId, store.revision], () => void loadInto(load), { immediate: true });

    /** Registers the audio, then adds it to the list; refused before any audio is stored when the list is full. */
    const keep = async (wav: Uint8Array) => {
      const profileId = store.profileId;
      if (profileId === null) throw new IpcError('PAGE_ERROR', 'no profile is open');
      if ((await readMemos(profileId)).length >= MAX_MEMOS) throw new IpcError('PAGE_MEMO_LIMIT', 'the profile already has 100 memos');
      const audio = await invoke<StoredAudio>('audio_import_wav', { profileId, wavBase64: toBase64(wav) });
      const memo: Memo = { artifactId: audio.artifactId, path: audio.path, durationMs: audio.durationMs, createdAt: new Date().toISOString(), label: label.value.trim().slice(0, 80) };
      try {
        await updateMemos(profileId, (raws) => [...raws, memo]);
      } catch (error) {
        // Not listed (the list is full: its 32 KiB, or unreadable): the audio goes too, or it
        // would stay in the profile where no screen shows it.
        await invoke('voice_memo_delete', { path: audio.path }).catch(() => undefined);
        throw error;
      }
      label.value = '';
    };

    const startRecording = () =>
      act(
        'memos.starting',
        async () => {
          await microphone.start();
        },
        'memos.started',
      );
    const stopRecording = () =>
      act(
        'memos.saving',
        async () => {
          const take = await microphone.stop();
          if (take) await keep(take.wav);
        },
        'memos.saved',
      );
    const keepFile = () =>
      act(
        'memos.saving',
        async () => {
          const file = picked.value;
          if (file === null) throw new IpcError('PAGE_ERROR', 'choose a WAV file first');
          await keep(new Uint8Array(await file.arrayBuffer()));
          picked.value = null;
          if (fileInput.value) fileInput.value.value = '';
        },
        'memos.saved',
      );
    const remove = (memo: Memo) =>
      act(
        'memos.deleting',
        async () => {
          const profileId = store.profileId;
          if (profileId === null) return;
          try {
            await invoke('voice_memo_delete', { path: memo.path });
          } catch (error) {
            // Already gone: only the entry is left to drop. Anything else (in use) keeps it.
            if (!(error instanceof IpcError && error.code === 'artifact_not_found')) throw error;
          }
          await updateMemos(profileId, (raws) => raws.filter((raw) => (raw as { artifactId?: unknown } | null)?.artifactId !== memo.artifactId));
          deleting.value = null;
        },
        'memos.deleted',
      );

    const nameOf = (memo: Memo) => memo.label || t('memos.untitled');
    const item = (entry: MemoEntry, index: number) => {
      if (entry.memo === null) return h('li', { class: 'card memo-error', key: `unreadable-${index}` }, errorParts(entry.problem, store.locale));
      const memo = entry.memo;
      return h('li', { class: 'card', key: memo.artifactId, 'data-memo-id': memo.artifactId }, [
        h('div', { class: 'row spread' }, [
          h('span', [h('strong', { class: 'memo-name' }, nameOf(memo)), ` · ${formatDate(memo.createdAt, store.locale)} · ${t('memos.length', { seconds: (memo.durationMs / 1000).toFixed(1) })}`]),
          h('div', { class: 'row' }, [button(t('memos.play'), () => play(memo)), button(t('memos.delete'), () => (deleting.value = memo.artifactId), { kind: 'danger' })]),
        ]),
        playing.value?.artifactId === memo.artifactId ? h('audio', { class: 'memo-audio', controls: true, autoplay: true, src: playing.value.url }) : null,
        deleting.value === memo.artifactId
          ? h('div', { class: 'confirm' }, [
              h('p', t('memos.confirm', { memo: nameOf(memo) })),
              h('div', { class: 'row' }, [button(t('memos.confirmDelete'), () => remove(memo), { kind: 'danger' }), button(t('memos.cancel'), () => (deleting.value = null))]),
            ])
          : null,
      ]);
    };

    return () => {
      if (store.profileId === null) return h('p', { class: 'muted' }, t('app.noProfile'));
      const recording = microphone.recording();
      return h('section', { 'aria-labelledby': 'memos-heading' }, [
        h('h2', { id: 'memos-heading' }, t('memos.title')),
        h('p', { class: 'muted' }, t('memos.hint')),
        h('div', { class: 'stack' }, [
          field(t('memos.label'), (id) => h('input', { id, maxlength: 80, value: label.value, onInput: (e: Event) => (label.value = (e.target as HTMLInputElement).value) })),
          h('div', { class: 'row' }, [recording ? button(t('memos.stop'), stopRecording, { kind: 'danger' }) : button(t('memos.record'), startRecording)]),
          recording ? h('p', { class: 'recording', role: 'status' }, t('memos.recording')) : null,
        ]),
        form(keepFile, [
          field(t('memos.file'), (id) =>
            h('input', { id, ref: fileInput, type: 'file', accept: '.wav,audio/wav', onChange: (e: Event) => (picked.value = (e.target as HTMLInputElement).files?.[0] ?? null) }),
          ),
          h('div', { class: 'row' }, [h('button', { type: 'submit', class: 'plain', disabled: picked.value === null || recording }, t('memos.keepFile'))]),
        ]),
        entries.value.length === 0 ? h('p', { class: 'muted memo-empty' }, t('memos.empty')) : h('ol', { class: 'cards', id: 'memo-list' }, entries.value.map(item)),
      ]);
    };
  },
});
