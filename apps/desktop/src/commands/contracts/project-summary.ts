import { z } from 'zod';
import { NullableText, Text } from '../wire-schemas';

/** A positive whole number that the UI accepts as absent too; this layer always sends `null`. */
const NullablePositiveInt = z.number().int().positive().nullable();

/** `ProjectSummary`: a talk as `project_get_active` returns it (the previous UI's schema). */
export const ProjectSummary = z.object({
  id: Text,
  title: Text,
  audience: NullableText,
  goal: NullableText,
  duration_target_sec: NullablePositiveInt,
  talk_number: NullablePositiveInt,
  stage: Text,
  created_at: Text,
  updated_at: Text,
});

/** `ProjectListItem`: a talk in `project_list`, with whether it is the active one. */
export const ProjectListItem = ProjectSummary.extend({ is_active: z.boolean() });
