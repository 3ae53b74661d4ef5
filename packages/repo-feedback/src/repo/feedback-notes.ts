import { DomainError, trimUnicodeWhiteSpace, utcNow } from '@lepupitre/domain-primitives';
import type { DatabaseHandle } from '@lepupitre/db-core';
import { deleteNote, feedbackExists, noteText, upsertNote } from '../queries';
import type { ClockOption } from '../types';
import { FeedbackErrorCode } from './errors';

/**
 * `feedback_note_get`: the note, or null. An unknown feedback id is not an error, it
 * simply has no note (docs/compatibility.md#feedback-11).
 */
export function getFeedbackNote(db: DatabaseHandle, feedbackId: string): string | null {
  return db.get(noteText, { feedbackId })?.note_text ?? null;
}

/**
 * `feedback_note_set`: the feedback must exist (`feedback_not_found`); the note is
 * trimmed of Unicode White_Space; a blank note deletes the stored one (deleting nothing is
 * fine); otherwise it is written with `updated_at` = now. No length limit, as before.
 *
 * `null` means "no note" and deletes it, like a blank string. The previous backend refused a
 * null note at argument decoding while the UI schema allowed it (docs/compatibility.md#feedback-15); accepting it
 * as a deletion serves the UI schema as written.
 */
export function setFeedbackNote(
  db: DatabaseHandle,
  feedbackId: string,
  note: string | null,
  options: ClockOption = {},
): void {
  const trimmed = note === null ? '' : trimUnicodeWhiteSpace(note);
  db.transaction(() => {
    if (!db.get(feedbackExists, { id: feedbackId })) throw new DomainError(FeedbackErrorCode.FEEDBACK_NOT_FOUND);
    if (trimmed === '') {
      db.run(deleteNote, { feedbackId });
    } else {
      db.run(upsertNote, { feedbackId, noteText: trimmed, updatedAt: (options.now ?? utcNow)() });
    }
  });
}
