import { captureWorld, replayWithFaults, rowOnColumns } from '@lepupitre/testing';
import { getFeedbackNote, setFeedbackNote } from '../src';
import { addFeedbackRow, noteRow, openProfileWorld, removeWorlds, type ProfileWorld } from './support/profile-world';

afterAll(removeWorlds);

const code = (c: string) => expect.objectContaining({ code: c });
const at = (time: string) => ({ now: () => `2026-03-11T${time}+00:00` });

interface NoteWorld extends ProfileWorld {
  readonly feedbackId: string;
}

/** A feedback, optionally with a note already written. */
function noteWorld(existingNote?: string): NoteWorld {
  const world = openProfileWorld();
  const feedbackId = addFeedbackRow(world, 'run', 'run_any');
  if (existingNote !== undefined) setFeedbackNote(world.db, feedbackId, existingNote, at('09:00:00'));
  return { ...world, feedbackId };
}

describe('feedback notes', () => {
  let world: NoteWorld;
  beforeEach(() => {
    world = noteWorld();
  });
  afterEach(() => world.db.close());

  it('reads null before any note, and for an unknown feedback (docs/compatibility.md#feedback-11)', () => {
    expect(getFeedbackNote(world.db, world.feedbackId)).toBeNull();
    expect(getFeedbackNote(world.db, 'fb_unknown')).toBeNull();
  });

  it('stores the note trimmed of Unicode White_Space, with its update time', () => {
    setFeedbackNote(world.db, world.feedbackId, '\u0085  Slow down on slide 3.\n\u3000', at('10:00:00.250'));
    expect(getFeedbackNote(world.db, world.feedbackId)).toBe('Slow down on slide 3.');
    const expected = {
      feedback_id: world.feedbackId,
      note_text: 'Slow down on slide 3.',
      updated_at: '2026-03-11T10:00:00.250+00:00',
    };
    expect(rowOnColumns(world.db.get(noteRow, { id: world.feedbackId }), expected)).toEqual(expected);
  });

  it('keeps inner whitespace and U+FEFF, which is not White_Space', () => {
    setFeedbackNote(world.db, world.feedbackId, '\ufeffline 1\n\nline 2 ');
    expect(getFeedbackNote(world.db, world.feedbackId)).toBe('\ufeffline 1\n\nline 2');
  });

  it('replaces an existing note and its update time', () => {
    setFeedbackNote(world.db, world.feedbackId, 'first', at('10:00:00'));
    setFeedbackNote(world.db, world.feedbackId, 'second', at('11:00:00'));
    expect(world.db.get(noteRow, { id: world.feedbackId })).toMatchObject({
      note_text: 'second',
      updated_at: '2026-03-11T11:00:00+00:00',
    });
  });

  it('deletes the note when the new one is blank or null (docs/compatibility.md#feedback-15), and deleting nothing is fine', () => {
    setFeedbackNote(world.db, world.feedbackId, 'to remove');
    setFeedbackNote(world.db, world.feedbackId, ' \n\t\u2029 ');
    expect(getFeedbackNote(world.db, world.feedbackId)).toBeNull();
    setFeedbackNote(world.db, world.feedbackId, 'again');
    setFeedbackNote(world.db, world.feedbackId, null);
    expect(world.db.get(noteRow, { id: world.feedbackId })).toBeUndefined();
    expect(() => setFeedbackNote(world.db, world.feedbackId, '')).not.toThrow();
  });

  it('has no length limit', () => {
    const long = 'x'.repeat(200_000);
    setFeedbackNote(world.db, world.feedbackId, long);
    expect(getFeedbackNote(world.db, world.feedbackId)).toBe(long);
  });

  it('refuses an unknown feedback, even to delete, writing nothing', () => {
    const before = captureWorld(world.databasePath, world.folder);
    expect(() => setFeedbackNote(world.db, 'fb_unknown', 'note')).toThrow(code('feedback_not_found'));
    expect(() => setFeedbackNote(world.db, 'fb_unknown', '  ')).toThrow(code('feedback_not_found'));
    expect(captureWorld(world.databasePath, world.folder)).toEqual(before);
  });
});

describe('feedback note writes under faults', () => {
  it.each([
    ['writing a first note', undefined, 'new note'],
    ['replacing a note', 'old note', 'new note'],
    ['deleting a note', 'old note', '   '],
  ])('leave the database unchanged when %s fails at any step', (_case, existing, note) => {
    const replays = replayWithFaults<NoteWorld>({
      setup: () => noteWorld(existing),
      flow: (w) => setFeedbackNote(w.db, w.feedbackId, note),
    });
    expect(replays.map((r) => r.event.kind)).toEqual(['statement', 'statement', 'commit']);
    for (const replay of replays) {
      expect(replay.error).toMatchObject({ code: 'DB_INJECTED_FAULT' });
      expect(replay.after).toEqual(replay.before);
    }
  });
});
