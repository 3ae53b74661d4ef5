import { IpcError } from './ipc';
import { invoke } from './store';

/**
 * The voice memos the page recorded, kept in the profile preference `page.voice_memos` as a
 * JSON array. The host has no memo listing (docs/ipc-commands.md, "Voice memos on the page"):
 * the page knows its memos because it made them (`audio_import_wav`). An entry the page cannot
 * read is kept as it is and shown with its own error, so one bad entry hides no other memo.
 */
export const MEMO_PREFERENCE = 'page.voice_memos';

/** 100 entries of ~250 bytes stay well inside the 32 KiB a preference value may hold. */
export const MAX_MEMOS = 100;

export interface Memo {
  artifactId: string;
  path: string;
  durationMs: number;
  createdAt: string;
  label: string;
}

export type MemoEntry = { memo: Memo; raw: unknown; problem: null } | { memo: null; raw: unknown; problem: IpcError };

const unreadable = (raw: unknown): MemoEntry => ({ memo: null, raw, problem: new IpcError('PAGE_MEMO_UNREADABLE', 'a saved memo entry cannot be read') });

function entryOf(raw: unknown): MemoEntry {
  if (typeof raw !== 'object' || raw === null) return unreadable(raw);
  const { artifactId, path, durationMs, createdAt, label } = raw as Record<string, unknown>;
  if (typeof artifactId !== 'string' || typeof path !== 'string' || path === '' || typeof durationMs !== 'number' || typeof createdAt !== 'string' || typeof label !== 'string') {
    return unreadable(raw);
  }
  return { memo: { artifactId, path, durationMs, createdAt, label }, raw, problem: null };
}

/** The profile's memo entries as stored, newest last; a value that is not a JSON array is one unreadable entry. */
export async function readMemos(profileId: string): Promise<MemoEntry[]> {
  const value = await invoke<string | null>('preference_profile_get', { profileId, key: MEMO_PREFERENCE });
  if (value === null) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return [unreadable(value)];
  }
  return Array.isArray(parsed) ? parsed.map(entryOf) : [unreadable(parsed)];
}

/** Rewrites the list from what is stored now (never from a screen's copy), changed by `change`. */
export async function updateMemos(profileId: string, change: (raws: unknown[]) => unknown[]): Promise<void> {
  const value = await invoke<string | null>('preference_profile_get', { profileId, key: MEMO_PREFERENCE });
  let parsed: unknown;
  try {
    parsed = value === null ? [] : JSON.parse(value);
  } catch {
    parsed = undefined;
  }
  // A list that cannot be read is kept as it is, never overwritten with a fresh one.
  if (!Array.isArray(parsed)) throw new IpcError('PAGE_MEMO_UNREADABLE', 'the stored memo list cannot be read');
  const next = change(parsed as unknown[]);
  await invoke('preference_profile_set', { profileId, key: MEMO_PREFERENCE, value: next.length === 0 ? null : JSON.stringify(next) });
}
