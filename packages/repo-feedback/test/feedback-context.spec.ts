import { getFeedbackContext } from '../src';
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

describe('feedback context', () => {
  let world: ProfileWorld;
  let projectId: string;
  beforeEach(() => {
    world = openProfileWorld();
    projectId = addProject(world);
  });
  afterEach(() => world.db.close());

  it('gives an attempt feedback its attempt, project and quest, keys in wire order', () => {
    const attemptId = addAttempt(world, projectId, { questCode: 'D01' });
    const context = getFeedbackContext(world.db, addFeedbackRow(world, 'quest_attempt', attemptId));
    expect(context).toEqual({
      subject_type: 'quest_attempt',
      subject_id: attemptId,
      project_id: projectId,
      quest_code: 'D01',
      quest_title: 'Intro 45s',
      run_id: null,
    });
    expect(Object.keys(context)).toEqual(['subject_type', 'subject_id', 'project_id', 'quest_code', 'quest_title', 'run_id']);
  });

  it('gives a run feedback its run and project', () => {
    const runId = addRun(world, projectId);
    expect(getFeedbackContext(world.db, addFeedbackRow(world, 'run', runId))).toEqual({
      subject_type: 'run',
      subject_id: runId,
      project_id: projectId,
      quest_code: null,
      quest_title: null,
      run_id: runId,
    });
  });

  it('reports an unknown feedback', () => {
    expect(() => getFeedbackContext(world.db, 'fb_unknown')).toThrow(code('feedback_not_found'));
  });

  it('reports a subject that is gone', () => {
    const attemptId = addAttempt(world, projectId);
    const runId = addRun(world, projectId);
    const attemptFeedback = addFeedbackRow(world, 'quest_attempt', attemptId);
    const runFeedback = addFeedbackRow(world, 'run', runId);
    deleteAttempt(world.db, attemptId);
    deleteRun(world.db, runId);
    expect(() => getFeedbackContext(world.db, attemptFeedback)).toThrow(code('attempt_not_found'));
    expect(() => getFeedbackContext(world.db, runFeedback)).toThrow(code('run_not_found'));
  });

  it('refuses a subject type it does not know', () => {
    const runId = addRun(world, projectId);
    expect(() => getFeedbackContext(world.db, addFeedbackRow(world, 'peer_review', runId))).toThrow(
      code('feedback_subject_not_supported'),
    );
  });
});
