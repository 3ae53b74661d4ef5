import { readMascotMessage, readProgressSnapshot, readTalkBlueprint } from '@lepupitre/repo-workspace';
import { z } from 'zod';
import { defineCommand, type AnyCommand } from './command';
import { Id, NullableText, OptionalText, Text } from './wire-schemas';

/** The UI sends a locale of 2 to 12 characters, or null. */
const Locale = z.string().min(2).max(12).nullish();
const Count = z.number().int().nonnegative();
const PositiveCount = z.number().int().positive();

const ProgressSnapshot = z.object({
  project_id: Text,
  attempts_total: Count,
  feedback_ready_total: Count,
  streak_days: Count,
  weekly_target: PositiveCount,
  weekly_completed: Count,
  credits: Count,
  next_milestone: PositiveCount,
  last_attempt_at: NullableText,
});

const MascotMessage = z.object({
  id: Text,
  kind: Text,
  title: Text,
  body: Text,
  cta_label: NullableText,
  cta_route: NullableText,
});

const TalkBlueprint = z.object({
  project_id: Text,
  project_title: Text,
  framework_id: Text,
  framework_label: Text,
  framework_summary: Text,
  completion_percent: z.number().int().min(0).max(100),
  steps: z
    .array(z.object({ id: Text, title: Text, done: z.boolean(), reward_credits: Count, cta_route: NullableText }))
    .min(1),
  next_step_id: NullableText,
});

export const progressGetSnapshot = defineCommand({
  name: 'progress_get_snapshot',
  request: z.object({ profileId: Id, projectId: OptionalText }),
  response: ProgressSnapshot,
  handler: ({ profileId, projectId }, context) => readProgressSnapshot(context.profile(profileId).db, projectId),
});

export const mascotGetContextMessage = defineCommand({
  name: 'mascot_get_context_message',
  request: z.object({ profileId: Id, routeName: z.string().min(1), projectId: OptionalText, locale: Locale }),
  response: MascotMessage,
  handler: ({ profileId, routeName, projectId, locale }, context) =>
    readMascotMessage(context.profile(profileId).db, { routeName, projectId, locale }),
});

export const talksGetBlueprint = defineCommand({
  name: 'talks_get_blueprint',
  request: z.object({ profileId: Id, projectId: Id, locale: Locale }),
  response: TalkBlueprint,
  handler: ({ profileId, projectId, locale }, context) => readTalkBlueprint(context.profile(profileId).db, projectId, locale),
});

export const COACH_COMMANDS: readonly AnyCommand[] = [progressGetSnapshot, mascotGetContextMessage, talksGetBlueprint];
