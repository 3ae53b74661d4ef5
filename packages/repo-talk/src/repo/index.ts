/**
 * Repository functions of the talk context (talk projects, outlines, the active talk, runs,
 * and the transcripts and audio they use) on the profile database: execute the queries of
 * `queries.ts`, map rows to domain types, check affected rows, raise typed domain errors.
 * No SQL text here.
 */
export {
  createProject,
  updateProject,
  listProjects,
  getActiveProject,
  setActiveProject,
  ensureTrainingProject,
} from './projects';
export { TITLE_MAX, AUDIENCE_MAX, GOAL_MAX } from './project-fields';
export { getOutline, setOutline, exportOutline } from './outlines';
export { defaultOutline } from './outline-template';
export {
  createRun,
  finishRun,
  setRunTranscriptId,
  getRun,
  getLatestRun,
  listRuns,
  getRunAnalysisLinks,
  linkRunFeedback,
  RUN_LIST_DEFAULT_LIMIT,
  RUN_LIST_MAX_LIMIT,
} from './runs';
export { getTranscript, saveEditedTranscript, exportTranscript, importTranscript } from './transcripts';
export { importAudio, importEstimatedAudio, readAudio, trimAudio } from './audio';
export { deleteVoiceMemo, voiceMemoArtifactId, voiceMemoProfileId } from './voice-memos';
/** Pure functions over a loaded transcript, for the analysis the command layer composes. */
