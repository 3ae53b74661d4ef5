import { recordAutoFeedback, runAnalysisInput } from '@lepupitre/repo-feedback';
import {
  createRun,
  finishRun,
  getLatestRun,
  getRun,
  getRunAnalysisLinks,
  linkRunFeedback,
  listRuns,
  setRunTranscriptId,
} from '@lepupitre/repo-talk';
import { z } from 'zod';
import { defineCommand, type AnyCommand } from './command';
import type { ProfileSession } from './command-context';
import { AnalyzeResponse } from './contracts/feedback-v1';
import { RunSummary } from './contracts/run-summary';
import { Id, OptionalLimit, ProjectRequest, VoidResponse } from './wire-schemas';

const RunRequest = z.object({ profileId: Id, runId: Id });

export const runCreate = defineCommand({
  name: 'run_create',
  request: ProjectRequest,
  response: Id,
  handler: ({ profileId, projectId }, context) => createRun(context.profile(profileId).db, projectId),
});

export const runFinish = defineCommand({
  name: 'run_finish',
  request: z.object({ profileId: Id, runId: Id, audioArtifactId: Id }),
  response: VoidResponse,
  handler: ({ profileId, runId, audioArtifactId }, context) => {
    finishRun(context.profile(profileId).db, runId, audioArtifactId);
    return null;
  },
});

export const runSetTranscript = defineCommand({
  name: 'run_set_transcript',
  request: z.object({ profileId: Id, runId: Id, transcriptId: Id }),
  response: VoidResponse,
  handler: ({ profileId, runId, transcriptId }, context) => {
    setRunTranscriptId(context.profile(profileId).db, runId, transcriptId);
    return null;
  },
});

export const runGet = defineCommand({
  name: 'run_get',
  request: RunRequest,
  response: RunSummary.nullable(),
  handler: ({ profileId, runId }, context) => getRun(context.profile(profileId).db, runId),
});

export const runGetLatest = defineCommand({
  name: 'run_get_latest',
  request: ProjectRequest,
  response: RunSummary.nullable(),
  handler: ({ profileId, projectId }, context) => getLatestRun(context.profile(profileId).db, projectId),
});

export const runList = defineCommand({
  name: 'run_list',
  request: z.object({ profileId: Id, projectId: Id, limit: OptionalLimit }),
  response: z.array(RunSummary),
  handler: ({ profileId, projectId, limit }, context) => listRuns(context.profile(profileId).db, projectId, limit),
});

/**
 * `run_analyze`: the run side (talk context) and the feedback side (feedback context) in one
 * write transaction, so the run's link is read under the write lock (two analyses of one run
 * give one feedback) and a failure at any step, the link included, leaves no feedback row and
 * no artifact file. A run already analysed returns its feedback unchanged, even after a new
 * transcript: the UI relies on analysis being idempotent.
 */
export const runAnalyze = defineCommand({
  name: 'run_analyze',
  request: RunRequest,
  // camelCase, unlike every other response of the talk context: the UI reuses one schema for both analyses.
  response: AnalyzeResponse,
  handler: ({ profileId, runId }, context) => {
    const session = context.profile(profileId);
    const { db } = session;
    return db.transaction(() => {
      const links = getRunAnalysisLinks(db, runId);
      if (links.feedback_id !== null) return { feedbackId: links.feedback_id };
      return { feedbackId: recordRunFeedback(session, runId, links.transcript_id) };
    });
  },
});

/**
 * The feedback of a run from its transcript, recorded and linked to the run. The caller holds
 * the write transaction: the feedback side (feedback context) and the link (talk context) are
 * one unit with whatever the caller writes around them.
 */
export function recordRunFeedback({ db, dir }: ProfileSession, runId: string, transcriptId: string | null): string {
  const input = runAnalysisInput(db, dir, transcriptId);
  const { feedbackId } = recordAutoFeedback(db, dir, { subjectType: 'run', subjectId: runId, ...input });
  linkRunFeedback(db, runId, feedbackId);
  return feedbackId;
}

export const RUN_COMMANDS: readonly AnyCommand[] = [
  runCreate,
  runFinish,
  runSetTranscript,
  runGet,
  runGetLatest,
  runList,
  runAnalyze,
];
