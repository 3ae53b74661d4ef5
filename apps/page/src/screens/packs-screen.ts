import { defineComponent, h, ref, shallowRef, watch } from 'vue';
import { objectUrlOf, useHeldObjectUrl } from '../download';
import type { RunSummary } from '../feedback';
import { asIpcError, IpcError } from '../ipc';
import { act, invoke, load as loadInto, openTalk, refreshTalks, store, t, talkLabel } from '../store';
import { button, errorParts, field, form, formatBytes, formatDate } from '../ui';
import { toBase64 } from '../wav';

interface PeerReviewSummary {
  id: string;
  run_id: string;
  project_id: string;
  created_at: string;
  reviewer_tag: string | null;
}

interface PeerReviewDetail extends PeerReviewSummary {
  review: {
    reviewer_tag: string | null;
    scores: Record<string, unknown>;
    free_text: Record<string, unknown>;
    timestamps: unknown[];
  };
}

interface ReviewView {
  summary: PeerReviewSummary;
  detail: PeerReviewDetail | null;
  problem: IpcError | null;
}

/** The largest pack the host takes as bytes (`peer_review_import_bytes`): 64 MiB. */
const MAX_PACK_BYTES = 64 * 1024 * 1024;

/**
 * Review packs of the open talk: export a run and download the zip, import the pack a reviewer
 * filled, and read the reviews. The browser has no path to give the host, so both directions
 * carry the zip as base64 (`pack_export_bytes`, `peer_review_import_bytes`). An imported review
 * lands in a talk of its own, which the host leaves closed; the screen offers to open it.
 */
export const PacksScreen = defineComponent({
  name: 'PacksScreen',
  setup() {
    const runs = shallowRef<RunSummary[]>([]);
    const reviews = shallowRef<ReviewView[]>([]);
    const open = ref<string | null>(null);
    // A pack of another profile or talk is not offered for download under this one.
    const { held: download, set: setDownload } = useHeldObjectUrl<{ url: string; fileName: string; bytes: number }>(() => [store.profileId, store.projectId]);
    const picked = shallowRef<File | null>(null);
    const fileInput = ref<HTMLInputElement | null>(null);
    const importedTalk = ref<string | null>(null);


    const load = async () => {
      runs.value = [];
      reviews.value = [];
      const { profileId, projectId } = store;
      if (profileId === null || projectId === null) return;
      const listed = await invoke<RunSummary[]>('run_list', { profileId, projectId, limit: 100 });
      const summaries = await invoke<PeerReviewSummary[]>('peer_review_list', { profileId, projectId, limit: 100 });
      const loaded: ReviewView[] = [];
      for (const summary of summaries) {
        try {
          loaded.push({ summary, detail: await invoke<PeerReviewDetail>('peer_review_get', { profileId, peerReviewId: summary.id }), problem: null });
        } catch (error) {
          loaded.push({ summary, detail: null, problem: asIpcError(error) });
        }
      }
      // A switch while loading: the newer load owns the lists.
      if (store.profileId !== profileId || store.projectId !== projectId) return;
      runs.value = listed;
      reviews.value = loaded;
    };
    watch(() => [store.profileId, store.projectId, store.revision], () => void loadInto(load), { immediate: true });
    watch(
      () => [store.profileId, store.projectId],
      () => (importedTalk.value = null),
    );

    const exportRun = (run: RunSummary) =>
      act(
        'packs.exporting',
        async () => {
          const { profileId, projectId } = store;
          const pack = await invoke<{ fileName: string; bytes: number; zipBase64: string }>('pack_export_bytes', { profileId, runId: run.id });
          // A switch meanwhile: the link would offer the previous talk's pack under the new one.
          if (store.profileId === profileId && store.projectId === projectId) {
            setDownload({ url: objectUrlOf(pack.zipBase64, 'application/zip'), fileName: pack.fileName, bytes: pack.bytes });
          }
        },
        'packs.exported',
      );

    const importReview = () =>
      act(
        'packs.importing',
        async () => {
          const file = picked.value;
          if (file === null) throw new IpcError('PAGE_ERROR', 'choose a pack file first');
          // Said here rather than by the host's body limit, whose refusal names no pack.
          if (file.size > MAX_PACK_BYTES) throw new IpcError('pack_too_large', 'the pack is larger than 64 MiB');
          const zipBase64 = toBase64(new Uint8Array(await file.arrayBuffer()));
          const imported = await invoke<{ projectId: string }>('peer_review_import_bytes', { profileId: store.profileId, zipBase64 });
          picked.value = null;
          if (fileInput.value) fileInput.value.value = '';
          // The new talk joins the header's list; the open talk stays the active one.
          await refreshTalks();
          importedTalk.value = imported.projectId;
        },
        'packs.imported',
      );


    const text = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));
    const pairs = (record: Record<string, unknown>) =>
      Object.keys(record).length === 0
        ? h('p', { class: 'muted' }, t('packs.nothing'))
        : h('dl', { class: 'metrics' }, Object.entries(record).flatMap(([key, value]) => [h('dt', key), h('dd', text(value))]));
    const remark = (value: unknown) => {
      const { t_ms: at, note } = (typeof value === 'object' && value !== null ? value : {}) as { t_ms?: unknown; note?: unknown };
      const seconds = typeof at === 'number' && Number.isFinite(at) ? Math.floor(at / 1000) : null;
      const stamp = seconds === null ? '' : `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')} · `;
      return h('li', `${stamp}${note === undefined ? text(value) : text(note)}`);
    };

    const reviewItem = ({ summary, detail, problem }: ReviewView) =>
      h('li', { class: 'card', 'data-review-id': summary.id }, [
        h('div', { class: 'row spread' }, [
          h('span', [h('strong', { class: 'reviewer' }, summary.reviewer_tag?.trim() || t('packs.anonymous')), ` · ${formatDate(summary.created_at, store.locale)}`]),
          problem
            ? h('span', { class: 'review-error' }, errorParts(problem, store.locale))
            : button(open.value === summary.id ? t('packs.hide') : t('packs.view'), () => (open.value = open.value === summary.id ? null : summary.id)),
        ]),
        detail && open.value === summary.id
          ? h('div', { class: 'details review-detail' }, [
              h('h4', t('packs.scores')),
              pairs(detail.review.scores),
              h('h4', t('packs.freeText')),
              pairs(detail.review.free_text),
              h('h4', t('packs.timestamps')),
              detail.review.timestamps.length === 0 ? h('p', { class: 'muted' }, t('packs.nothing')) : h('ul', detail.review.timestamps.map(remark)),
            ])
          : null,
      ]);

    const exportPanel = () => {
      const exportable = runs.value.filter((run) => run.audio_artifact_id !== null && run.transcript_id !== null);
      return h('section', { class: 'stack', 'aria-labelledby': 'pack-export-heading' }, [
        h('h3', { id: 'pack-export-heading' }, t('packs.export')),
        h('p', { class: 'muted' }, t('packs.exportHint')),
        exportable.length === 0
          ? h('p', { class: 'muted' }, t('packs.noRuns'))
          : h(
              'ul',
              { class: 'cards', id: 'pack-runs' },
              exportable.map((run) =>
                h('li', { class: 'card row spread', 'data-run-id': run.id }, [h('span', t('packs.run', { date: formatDate(run.created_at, store.locale) })), button(t('packs.exportRun'), () => exportRun(run))]),
              ),
            ),
        download.value
          ? h('p', [
              h(
                'a',
                { id: 'pack-download', class: 'exported', href: download.value.url, download: download.value.fileName },
                t('packs.download', { file: download.value.fileName, size: formatBytes(download.value.bytes, store.locale) }),
              ),
            ])
          : null,
      ]);
    };

    const importPanel = () =>
      h('section', { 'aria-labelledby': 'pack-import-heading' }, [
        h('h3', { id: 'pack-import-heading' }, t('packs.import')),
        form(importReview, [
          field(t('packs.file'), (id) =>
            h('input', { id, ref: fileInput, type: 'file', accept: '.zip,application/zip', onChange: (e: Event) => (picked.value = (e.target as HTMLInputElement).files?.[0] ?? null) }),
          ),
          h('div', { class: 'row' }, [h('button', { type: 'submit', class: 'primary', disabled: picked.value === null }, t('packs.importButton'))]),
        ]),
        importedTalk.value ? h('div', { class: 'row' }, [button(t('packs.openTalk'), () => openTalk(importedTalk.value ?? ''))]) : null,
      ]);

    return () => {
      if (store.profileId === null) return h('p', { class: 'muted' }, t('app.noProfile'));
      const talk = store.talks.find((candidate) => candidate.id === store.projectId);
      if (!talk) return h('p', { class: 'muted' }, t('app.noTalk'));
      return h('section', { 'aria-labelledby': 'packs-heading' }, [
        h('h2', { id: 'packs-heading' }, t('packs.title', { talk: talkLabel(talk) })),
        exportPanel(),
        importPanel(),
        h('section', { 'aria-labelledby': 'reviews-heading' }, [
          h('h3', { id: 'reviews-heading' }, t('packs.reviews')),
          reviews.value.length === 0 ? h('p', { class: 'muted review-empty' }, t('packs.noReviews')) : h('ol', { class: 'cards', id: 'review-list' }, reviews.value.map(reviewItem)),
        ]),
      ]);
    };
  },
});
