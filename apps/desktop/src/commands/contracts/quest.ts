import { z } from 'zod';
import { Id, NullableText, Text } from '../wire-schemas';

const PositiveInt = z.number().int().positive();

/**
 * The quest shapes the UI validates (docs/contexts/quest.md), shared by the quest commands and
 * any command that embeds a quest: snake_case, nullable fields always present.
 */
export const Quest = z.object({
  code: Text,
  title: Text,
  category: Text,
  estimated_sec: PositiveInt,
  prompt: Text,
  output_type: Text,
  targets_issues: z.array(Text),
});

export const QuestDaily = z.object({
  quest: Quest,
  why: Text,
  due_boss_run: z.boolean(),
});

export const QuestAttemptSummary = z.object({
  id: Id,
  quest_code: Text,
  quest_title: Text,
  output_type: Text,
  created_at: Text,
  has_audio: z.boolean(),
  has_transcript: z.boolean(),
  has_feedback: z.boolean(),
  feedback_id: Id.nullable(),
});

/** One catalogue quest with the latest attempt of the project; attempt fields null when none. */
export const QuestReportItem = z.object({
  quest_code: Text,
  quest_title: Text,
  quest_prompt: Text,
  output_type: Text,
  category: Text,
  estimated_sec: PositiveInt,
  attempt_id: Id.nullable(),
  attempt_created_at: NullableText,
  has_audio: z.boolean(),
  has_transcript: z.boolean(),
  has_feedback: z.boolean(),
  feedback_id: Id.nullable(),
});
