import type { ProfileSchema, Selectable } from '@lepupitre/db-core';

/** Row types of the quest context, derived from the generated schema: a column rename breaks the build. */
export type QuestRow = Selectable<ProfileSchema['quests']>;
export type QuestAttemptRow = Selectable<ProfileSchema['quest_attempts']>;
