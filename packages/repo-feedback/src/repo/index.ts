/** Repository functions of the feedback context, and the pure analyser they are built on. */
export { FeedbackErrorCode } from './errors';
export { buildFeedbackFromText, FEEDBACK_SCHEMA_VERSION } from './analyser/build-feedback';
export { serializeFeedback, formatFloat } from './analyser/feedback-json';
export { parseFeedback } from './analyser/feedback-parse';
export { runEstimatedSec, DEFAULT_RUN_ESTIMATED_SEC } from './transcript/transcript-text';
export { loadTranscript, runAnalysisInput, attemptAnalysisInput } from './analysis-input';
export { recordAutoFeedback, getFeedback } from './auto-feedback';
export { getFeedbackNote, setFeedbackNote } from './feedback-notes';
export {
  listFeedbackTimeline,
  normalizeTimelineLimit,
  TIMELINE_DEFAULT_LIMIT,
  TIMELINE_MAX_LIMIT,
} from './feedback-timeline';
export { getFeedbackContext } from './feedback-context';
