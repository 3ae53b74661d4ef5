import { DbError, DbErrorCode, openDatabase, type DatabaseHandle } from '@lepupitre/db-core';
import { seedProfile } from '@lepupitre/fixtures';
import {
  createProject,
  ensureTrainingProject,
  getActiveProject,
  listProjects,
  setActiveProject,
  updateProject,
} from '../src';
import { expectCode } from './support/expect-code';
import { newProfile, removeProfiles, steppingClock, type TestProfile } from './support/profile';
import { insertNumberedTalk, storedActiveId, talkRow } from './support/queries';
import { rowOnColumns, TEST_SAFEGUARDS } from '@lepupitre/testing';

afterAll(removeProfiles);

let profile: TestProfile;
let db: DatabaseHandle;
let now: () => string;
beforeEach(() => {
  profile = newProfile();
  db = profile.db;
  now = steppingClock();
});
afterEach(() => db.close());

const update = (title: string, extra: Record<string, unknown> = {}) => ({ title, stage: 'builder', ...extra });

describe('createProject', () => {
  it('stores a draft talk with trimmed fields and makes it active', () => {
    const id = createProject(db, { title: '  Rust at scale \n', audience: ' devs ', goal: '', duration_target_sec: 1200 }, { now });
    expect(id).toMatch(/^proj_[0-9a-f]{32}$/);
    // The stored row: these values, and nothing in the columns createProject does not write.
    const stored = {
      id,
      title: 'Rust at scale',
      audience: 'devs',
      goal: null,
      duration_target_sec: 1200,
      talk_number: 1,
      stage: 'draft',
      created_at: '2026-03-01T10:00:00.001+00:00',
      updated_at: '2026-03-01T10:00:00.001+00:00',
      is_training: 0,
    };
    expect(rowOnColumns(db.get(talkRow, { id }), stored)).toEqual(stored);
    expect(db.get(storedActiveId)?.active_project_id).toBe(id);
  });

  it('creates a talk at another stage without taking the active talk, for an imported review', () => {
    const current = createProject(db, { title: 'Current' }, { now });
    const imported = createProject(db, { title: 'Peer review: p1' }, { now, stage: 'peer_review', activate: false });
    expect(db.get(talkRow, { id: imported })).toMatchObject({ stage: 'peer_review', talk_number: 2 });
    expect(db.get(storedActiveId)?.active_project_id).toBe(current);
  });

  it('numbers talks after the highest number in use, skipping the training project', () => {
    const first = createProject(db, { title: 'One' }, { now });
    ensureTrainingProject(db, { now });
    const second = createProject(db, { title: 'Two' }, { now });
    expect(db.get(talkRow, { id: first })?.talk_number).toBe(1);
    expect(db.get(talkRow, { id: second })?.talk_number).toBe(2);
    expect(getActiveProject(db)?.id).toBe(second);
  });

  it('applies the update rules to the payload (title, limits, duration)', () => {
    expectCode(() => createProject(db, { title: ' \u3000\u0085 ' }), 'project_title_required');
    expectCode(() => createProject(db, { title: 'x'.repeat(121) }), 'project_title_too_long');
    expectCode(() => createProject(db, { title: 'Talk', duration_target_sec: 0 }), 'project_duration_invalid');
    expectCode(() => createProject(db, { title: 'Talk', duration_target_sec: -5 }), 'project_duration_invalid');
    expectCode(() => createProject(db, { title: 'Talk', duration_target_sec: 1.5 }), 'project_duration_invalid');
    expect(listProjects(db)).toEqual([]);
  });

  it('counts the title in Unicode scalars and cuts audience and goal silently', () => {
    const title = '🎤'.repeat(120); // 240 UTF-16 units, 120 scalars
    const id = createProject(db, { title, audience: `${'é'.repeat(239)}🎤🎤`, goal: 'g'.repeat(1001) }, { now });
    const row = db.get(talkRow, { id });
    expect(row?.title).toBe(title);
    expect(row?.audience).toBe(`${'é'.repeat(239)}🎤`);
    expect(row?.goal).toBe('g'.repeat(1000));
  });

  it('keeps a U+FEFF that the previous app did not treat as whitespace', () => {
    const id = createProject(db, { title: '\ufeffTalk' }, { now });
    expect(db.get(talkRow, { id })?.title).toBe('\ufeffTalk');
  });
});

describe('updateProject', () => {
  it('updates the editable fields and updated_at only', () => {
    const id = createProject(db, { title: 'Old', audience: 'a', goal: 'g', duration_target_sec: 60 }, { now });
    const other = createProject(db, { title: 'Other' }, { now });
    updateProject(db, id, { title: ' New ', audience: '  ', goal: null, duration_target_sec: null, stage: ' train ' }, { now });
    const row = db.get(talkRow, { id });
    expect(row).toMatchObject({
      title: 'New',
      audience: null,
      goal: null,
      duration_target_sec: null,
      stage: 'train',
      talk_number: 1,
      created_at: '2026-03-01T10:00:00.001+00:00',
      updated_at: '2026-03-01T10:00:00.003+00:00',
      is_training: 0,
    });
    expect(getActiveProject(db)?.id).toBe(other);
  });

  it('accepts any non-empty stage', () => {
    const id = createProject(db, { title: 'T' }, { now });
    updateProject(db, id, { title: 'T', stage: 'rehearsing-2' }, { now });
    expect(db.get(talkRow, { id })?.stage).toBe('rehearsing-2');
  });

  it('validates in the previous order before touching the row', () => {
    const id = createProject(db, { title: 'T' }, { now });
    expectCode(() => updateProject(db, 'proj_missing', { title: ' ', stage: '' }), 'project_title_required');
    expectCode(() => updateProject(db, id, { title: 'x'.repeat(121), stage: '' }), 'project_title_too_long');
    expectCode(() => updateProject(db, id, { title: 'T', stage: ' \t' }), 'project_stage_required');
    expectCode(() => updateProject(db, id, update('T', { duration_target_sec: 0 })), 'project_duration_invalid');
    expectCode(() => updateProject(db, 'proj_missing', update('T')), 'project_not_found');
    expect(db.get(talkRow, { id })?.updated_at).toBe('2026-03-01T10:00:00.001+00:00');
  });

  it('can edit the training project, which stays unlisted and unnumbered', () => {
    const training = ensureTrainingProject(db, { now });
    updateProject(db, training, update('Practice'), { now });
    expect(db.get(talkRow, { id: training })).toMatchObject({ title: 'Practice', is_training: 1, talk_number: null });
    expect(listProjects(db)).toEqual([]);
  });
});

describe('listProjects', () => {
  it('lists non-training talks by updated_at descending, ties by id, with the active flag', () => {
    const fixed = () => '2026-03-01T10:00:00+00:00';
    const a = createProject(db, { title: 'A' }, { now: fixed });
    const b = createProject(db, { title: 'B' }, { now: fixed });
    const c = createProject(db, { title: 'C' }, { now });
    ensureTrainingProject(db, { now });
    updateProject(db, c, update('C'), { now: () => '2026-02-01T00:00:00+00:00' });
    const list = listProjects(db);
    const tied = [a, b].sort().reverse();
    expect(list.map((p) => p.id)).toEqual([...tied, c]);
    expect(list.map((p) => p.is_active)).toEqual(list.map((p) => p.id === c));
    expect(Object.keys(list[0] ?? {}).sort()).toEqual(
      ['audience', 'created_at', 'duration_target_sec', 'goal', 'id', 'is_active', 'stage', 'talk_number', 'title', 'updated_at'].sort(),
    );
  });

  it('marks nothing active without repairing the stored active id', () => {
    createProject(db, { title: 'A' }, { now });
    seedProfile(profile.databasePath, (kit) => kit.setActiveTalk(null));
    expect(listProjects(db).map((p) => p.is_active)).toEqual([false]);
    expect(db.get(storedActiveId)?.active_project_id).toBeNull();
  });
});

describe('getActiveProject', () => {
  it('returns null when there is no talk', () => {
    ensureTrainingProject(db, { now });
    expect(getActiveProject(db)).toBeNull();
  });

  it('returns the stored active talk without its list flag', () => {
    const a = createProject(db, { title: 'A', goal: 'teach' }, { now });
    createProject(db, { title: 'B' }, { now });
    setActiveProject(db, a);
    expect(getActiveProject(db)).toEqual({
      id: a,
      title: 'A',
      audience: null,
      goal: 'teach',
      duration_target_sec: null,
      talk_number: 1,
      stage: 'draft',
      created_at: '2026-03-01T10:00:00.001+00:00',
      updated_at: '2026-03-01T10:00:00.001+00:00',
    });
  });

  it('repairs a missing active id with the most recently updated talk and stores it', () => {
    const a = createProject(db, { title: 'A' }, { now });
    createProject(db, { title: 'B' }, { now });
    updateProject(db, a, update('A'), { now });
    seedProfile(profile.databasePath, (kit) => kit.setActiveTalk(null));
    expect(getActiveProject(db)?.id).toBe(a);
    expect(db.get(storedActiveId)?.active_project_id).toBe(a);
  });

  it('replaces a stored training project with the latest talk', () => {
    const a = createProject(db, { title: 'A' }, { now });
    const training = ensureTrainingProject(db, { now });
    seedProfile(profile.databasePath, (kit) => kit.setActiveTalk(training));
    expect(getActiveProject(db)?.id).toBe(a);
    expect(db.get(storedActiveId)?.active_project_id).toBe(a);
  });

  it('still returns the fallback when the repair cannot be written', () => {
    const a = createProject(db, { title: 'A' }, { now });
    seedProfile(profile.databasePath, (kit) => kit.setActiveTalk(null));
    db.observeSteps((event) => {
      if (event.kind === 'statement' && event.detail.startsWith('insert into "active_state"')) {
        throw new DbError(DbErrorCode.BUSY, 'the database is locked by another connection');
      }
    });
    try {
      expect(getActiveProject(db)?.id).toBe(a);
    } finally {
      db.observeSteps(undefined);
    }
    expect(db.get(storedActiveId)?.active_project_id).toBeNull();
  });

  it('does not swallow errors that are not database failures', () => {
    createProject(db, { title: 'A' }, { now });
    seedProfile(profile.databasePath, (kit) => kit.setActiveTalk(null));
    db.observeSteps((event) => {
      if (event.detail.startsWith('insert into "active_state"')) throw new TypeError('bug');
    });
    try {
      expect(() => getActiveProject(db)).toThrow(TypeError);
    } finally {
      db.observeSteps(undefined);
    }
  });
});

describe('setActiveProject', () => {
  it('stores the talk as active without touching updated_at', () => {
    const a = createProject(db, { title: 'A' }, { now });
    createProject(db, { title: 'B' }, { now });
    setActiveProject(db, a);
    expect(db.get(storedActiveId)?.active_project_id).toBe(a);
    expect(db.get(talkRow, { id: a })?.updated_at).toBe('2026-03-01T10:00:00.001+00:00');
  });

  it('refuses an unknown talk and the training project', () => {
    const a = createProject(db, { title: 'A' }, { now });
    const training = ensureTrainingProject(db, { now });
    expectCode(() => setActiveProject(db, 'proj_missing'), 'project_not_found');
    expectCode(() => setActiveProject(db, training), 'project_training_not_activatable');
    expect(db.get(storedActiveId)?.active_project_id).toBe(a);
  });
});

describe('ensureTrainingProject', () => {
  it('creates one hidden, unnumbered, inactive training project and returns it afterwards', () => {
    const a = createProject(db, { title: 'A' }, { now });
    const training = ensureTrainingProject(db, { now });
    expect(ensureTrainingProject(db, { now })).toBe(training);
    const stored = {
      id: training,
      title: 'Training',
      audience: null,
      goal: null,
      duration_target_sec: null,
      talk_number: null,
      stage: 'draft',
      created_at: '2026-03-01T10:00:00.002+00:00',
      updated_at: '2026-03-01T10:00:00.002+00:00',
      is_training: 1,
    };
    expect(rowOnColumns(db.get(talkRow, { id: training }), stored)).toEqual(stored);
    expect(db.get(storedActiveId)?.active_project_id).toBe(a);
    expect(listProjects(db).map((p) => p.id)).toEqual([a]);
  });

  it('returns the winner when another process creates it between the check and the insert', () => {
    const other = openDatabase(profile.databasePath, 'profile', { safeguards: TEST_SAFEGUARDS }).db;
    let winner: string | undefined;
    db.observeSteps((event) => {
      if (winner === undefined && event.detail.startsWith('insert into "talk_projects"')) {
        winner = ensureTrainingProject(other, { now });
      }
    });
    try {
      expect(ensureTrainingProject(db, { now })).toBe(winner);
    } finally {
      db.observeSteps(undefined);
      other.close();
    }
    expect(winner).toMatch(/^proj_/);
    expect(db.get(talkRow, { id: winner as string })?.is_training).toBe(1);
  });

  it('lets other failures through', () => {
    db.observeSteps((event) => {
      if (event.detail.startsWith('insert into "talk_projects"')) throw new DbError(DbErrorCode.BUSY, 'busy');
    });
    try {
      expect(() => ensureTrainingProject(db, { now })).toThrow(expect.objectContaining({ code: 'DB_BUSY' }));
    } finally {
      db.observeSteps(undefined);
    }
  });
});

describe('talk numbers', () => {
  it('continue after the highest number in use, keeping gaps', () => {
    seedProfile(profile.databasePath, (kit) => kit.newTalk({ id: 'proj_imported', title: 'Imported', talk_number: 7, created_at: now() }));
    const id = createProject(db, { title: 'Next' }, { now });
    expect(db.get(talkRow, { id })?.talk_number).toBe(8);
  });

  it('are never shared by talks created from two connections', () => {
    const other = openDatabase(profile.databasePath, 'profile', { safeguards: TEST_SAFEGUARDS }).db;
    try {
      const ids = Array.from({ length: 10 }, (_, i) => createProject(i % 2 ? other : db, { title: `T${i}` }, { now }));
      expect(ids.map((id) => db.get(talkRow, { id })?.talk_number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    } finally {
      other.close();
    }
  });

  it('are held unique by the schema (idx_talk_projects_number)', () => {
    createProject(db, { title: 'One' }, { now });
    expect(() => db.run(insertNumberedTalk, { id: 'proj_duplicate', talkNumber: 1, createdAt: now() })).toThrow(
      expect.objectContaining({ code: 'DB_CONSTRAINT', details: { sqliteCode: 'SQLITE_CONSTRAINT_UNIQUE' } }),
    );
  });
});
