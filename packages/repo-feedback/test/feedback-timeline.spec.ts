import { listFeedbackTimeline, normalizeTimelineLimit, setFeedbackNote, type FeedbackTimelineItem } from '../src';
import {
  addAttempt,
  addFeedbackRow,
  addProject,
  addRun,
  deleteAttempt,
  deleteRun,
  openProfileWorld,
  removeWorlds,
  type ProfileWorld,
} from './support/profile-world';

afterAll(removeWorlds);

const code = (c: string) => expect.objectContaining({ code: c });
const t = (minute: number, suffix = '+00:00') => `2026-03-01T10:${String(minute).padStart(2, '0')}:00${suffix}`;

describe('timeline limit', () => {
  it.each([
    [null, 30],
    [undefined, 30],
    [0, 1],
    [1, 1],
    [5, 5],
    [100, 100],
    [300, 100],
    [-3, 1],
  ])('normalises %p to %p', (limit, normalised) => {
    expect(normalizeTimelineLimit(limit)).toBe(normalised);
  });

  it('refuses a limit that is not a whole number', () => {
    for (const limit of [1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => normalizeTimelineLimit(limit)).toThrow(code('feedback_timeline_limit_invalid'));
    }
  });
});

describe('feedback timeline', () => {
  let world: ProfileWorld;
  let p1: string;
  let p2: string;
  let run1: string;
  let run2: string;
  let attempt1: string;
  let attempt2: string;

  beforeEach(() => {
    world = openProfileWorld();
    p1 = addProject(world, 'One', 1);
    p2 = addProject(world, 'Two', 2);
    run1 = addRun(world, p1);
    run2 = addRun(world, p2);
    attempt1 = addAttempt(world, p1, { questCode: 'A01', outputText: 'x' });
    attempt2 = addAttempt(world, p2, { questCode: 'D01', outputText: 'y' });
  });
  afterEach(() => world.db.close());

  it('lists run and attempt feedback newest first, in the wire shape', () => {
    const runFeedback = addFeedbackRow(world, 'run', run1, { at: t(1), score: 70 });
    const attemptFeedback = addFeedbackRow(world, 'quest_attempt', attempt1, { at: t(2), score: 81 });
    setFeedbackNote(world.db, runFeedback, 'keep eye contact', { now: () => t(30) });

    const items = listFeedbackTimeline(world.db, { projectId: null, limit: null });
    expect(items).toEqual([
      {
        id: attemptFeedback,
        created_at: t(2),
        overall_score: 81,
        subject_type: 'quest_attempt',
        project_id: p1,
        quest_code: 'A01',
        quest_title: 'Goal Sentence',
        run_id: null,
        note_updated_at: null,
      },
      {
        id: runFeedback,
        created_at: t(1),
        overall_score: 70,
        subject_type: 'run',
        project_id: p1,
        quest_code: null,
        quest_title: null,
        run_id: run1,
        note_updated_at: t(30),
      },
    ]);
    expect(Object.keys(items[0] as FeedbackTimelineItem)).toEqual([
      'id',
      'created_at',
      'overall_score',
      'subject_type',
      'project_id',
      'quest_code',
      'quest_title',
      'run_id',
      'note_updated_at',
    ]);
    expect(listFeedbackTimeline(world.db)).toEqual(items);
  });

  it('includes superseded and unlinked feedback, and leaves out feedback whose subject is gone (docs/compatibility.md#feedback-10)', () => {
    const older = addFeedbackRow(world, 'quest_attempt', attempt1, { at: t(1) });
    const newer = addFeedbackRow(world, 'quest_attempt', attempt1, { at: t(2) });
    const unlinked = addFeedbackRow(world, 'run', run1, { at: t(3) });
    const run3 = addRun(world, p1);
    const attempt3 = addAttempt(world, p1);
    addFeedbackRow(world, 'run', run3, { at: t(4) });
    addFeedbackRow(world, 'quest_attempt', attempt3, { at: t(5) });
    deleteRun(world.db, run3);
    deleteAttempt(world.db, attempt3);
    addFeedbackRow(world, 'peer_review', run1, { at: t(6) });
    addFeedbackRow(world, 'run', attempt1, { at: t(7) });

    expect(listFeedbackTimeline(world.db).map((i) => i.id)).toEqual([unlinked, newer, older]);
  });

  it('breaks ties on created_at by id, newest id first, across subject types', () => {
    const ids = ['fb_00000000000000000000000000000001', 'fb_00000000000000000000000000000003', 'fb_00000000000000000000000000000002'];
    addFeedbackRow(world, 'run', run1, { at: t(1), id: ids[0] });
    addFeedbackRow(world, 'quest_attempt', attempt2, { at: t(1), id: ids[1] });
    addFeedbackRow(world, 'run', run2, { at: t(1), id: ids[2] });
    expect(listFeedbackTimeline(world.db).map((i) => i.id)).toEqual([ids[1], ids[2], ids[0]]);
  });

  it('orders by the stored text, whatever form an imported time has (docs/compatibility.md#feedback-12)', () => {
    const local = addFeedbackRow(world, 'run', run1, { at: t(1, '.500+00:00') });
    const imported = addFeedbackRow(world, 'run', run2, { at: t(1, 'Z') });
    expect(listFeedbackTimeline(world.db).map((i) => i.id)).toEqual([imported, local]);
  });

  it('filters by project and refuses an unknown or empty project id', () => {
    const mine = [
      addFeedbackRow(world, 'run', run1, { at: t(1) }),
      addFeedbackRow(world, 'quest_attempt', attempt1, { at: t(3) }),
    ];
    addFeedbackRow(world, 'run', run2, { at: t(2) });
    addFeedbackRow(world, 'quest_attempt', attempt2, { at: t(4) });

    const items = listFeedbackTimeline(world.db, { projectId: p1 });
    expect(items.map((i) => i.id)).toEqual([mine[1], mine[0]]);
    expect(items.every((i) => i.project_id === p1)).toBe(true);
    expect(() => listFeedbackTimeline(world.db, { projectId: 'proj_unknown' })).toThrow(code('project_not_found'));
    expect(() => listFeedbackTimeline(world.db, { projectId: '' })).toThrow(code('project_not_found'));
    expect(listFeedbackTimeline(world.db, { projectId: addProject(world, 'Empty', 3) })).toEqual([]);
  });

  it('returns 30 by default and never more than 100', () => {
    for (let i = 0; i < 120; i++) addFeedbackRow(world, i % 2 ? 'run' : 'quest_attempt', i % 2 ? run1 : attempt1, { at: t(i % 60) });
    expect(listFeedbackTimeline(world.db)).toHaveLength(30);
    expect(listFeedbackTimeline(world.db, { limit: 1000 })).toHaveLength(100);
    expect(listFeedbackTimeline(world.db, { projectId: p1, limit: 0 })).toHaveLength(1);
    expect(listFeedbackTimeline(world.db, { projectId: p1, limit: 500 })).toHaveLength(100);
  });

  it('agrees with the previous single-statement semantics on mixed data', () => {
    // A small deterministic generator: many equal times, both subject types, deleted subjects.
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const subjects = [
      { type: 'run', id: run1, project: p1 },
      { type: 'run', id: run2, project: p2 },
      { type: 'quest_attempt', id: attempt1, project: p1 },
      { type: 'quest_attempt', id: attempt2, project: p2 },
      { type: 'run', id: 'run_deleted', project: null },
      { type: 'quest_attempt', id: 'att_deleted', project: null },
    ] as const;
    const rows: { id: string; at: string; project: string | null }[] = [];
    for (let i = 0; i < 150; i++) {
      const subject = subjects[random(subjects.length)] as (typeof subjects)[number];
      const id = `fb_${random(2 ** 30).toString(16).padStart(32, '0')}`;
      const at = t(random(8));
      addFeedbackRow(world, subject.type, subject.id, { at, id });
      rows.push({ id, at, project: subject.project });
    }
    const expected = (project: string | null, limit: number): string[] =>
      rows
        .filter((r) => r.project !== null && (project === null || r.project === project))
        .sort((a, b) => (a.at !== b.at ? (a.at < b.at ? 1 : -1) : a.id < b.id ? 1 : -1))
        .slice(0, limit)
        .map((r) => r.id);
    for (const limit of [1, 7, 30, 100]) {
      expect(listFeedbackTimeline(world.db, { limit }).map((i) => i.id)).toEqual(expected(null, limit));
      for (const project of [p1, p2]) {
        expect(listFeedbackTimeline(world.db, { projectId: project, limit }).map((i) => i.id)).toEqual(
          expected(project, limit),
        );
      }
    }
  });
});
