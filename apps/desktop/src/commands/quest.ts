import {
  getDailyQuest,
  getQuestByCode,
  getQuestReport,
  listAttempts,
  listQuests,
  submitAudioAttempt,
  submitTextAttempt,
} from '@lepupitre/repo-quest';
import { z } from 'zod';
import { defineCommand, type AnyCommand } from './command';
import { Quest, QuestAttemptSummary, QuestDaily, QuestReportItem } from './contracts/quest';
import { Id, OptionalLimit, ProfileRequest, ProjectRequest } from './wire-schemas';

/** The UI's `questCode` and `text`: non-empty strings, stored verbatim (no trim). */
export const QuestCode = z.string().min(1);

// Reads do not check the project (docs/compatibility.md#quest-7): an unknown id gives the normal, empty result.

export const questGetDaily = defineCommand({
  name: 'quest_get_daily',
  request: ProjectRequest,
  response: QuestDaily,
  handler: ({ profileId, projectId }, context) => getDailyQuest(context.profile(profileId).db, projectId),
});

export const questGetByCode = defineCommand({
  name: 'quest_get_by_code',
  request: z.object({ profileId: Id, questCode: QuestCode }),
  response: Quest,
  handler: ({ profileId, questCode }, context) => getQuestByCode(context.profile(profileId).db, questCode),
});

export const questList = defineCommand({
  name: 'quest_list',
  request: ProfileRequest,
  response: z.array(Quest),
  handler: ({ profileId }, context) => listQuests(context.profile(profileId).db),
});

export const questAttemptsList = defineCommand({
  name: 'quest_attempts_list',
  request: z.object({ profileId: Id, projectId: Id, limit: OptionalLimit }),
  response: z.array(QuestAttemptSummary),
  handler: ({ profileId, projectId, limit }, context) => listAttempts(context.profile(profileId).db, projectId, limit),
});

export const questReport = defineCommand({
  name: 'quest_report',
  request: ProjectRequest,
  response: z.array(QuestReportItem),
  handler: ({ profileId, projectId }, context) => getQuestReport(context.profile(profileId).db, projectId),
});

export const questSubmitText = defineCommand({
  name: 'quest_submit_text',
  request: z.object({ profileId: Id, projectId: Id, questCode: QuestCode, text: z.string().min(1) }),
  response: Id,
  handler: ({ profileId, projectId, questCode, text }, context) =>
    submitTextAttempt(context.profile(profileId).db, { projectId, questCode, text }),
});

/**
 * The UI always sends `transcriptId`, `null` before transcription; an absent key is accepted
 * too, as the previous backend's optional argument was. Submitting the same recording again
 * returns its existing attempt (docs/compatibility.md#quest-4), which is how the UI attaches the transcript later.
 */
export const questSubmitAudio = defineCommand({
  name: 'quest_submit_audio',
  request: z.object({
    profileId: Id,
    projectId: Id,
    questCode: QuestCode,
    audioArtifactId: Id,
    transcriptId: Id.nullish(),
  }),
  response: Id,
  handler: ({ profileId, projectId, questCode, audioArtifactId, transcriptId }, context) =>
    submitAudioAttempt(context.profile(profileId).db, { projectId, questCode, audioArtifactId, transcriptId }),
});

export const QUEST_COMMANDS: readonly AnyCommand[] = [
  questGetDaily,
  questGetByCode,
  questList,
  questAttemptsList,
  questReport,
  questSubmitText,
  questSubmitAudio,
];
