import type { ProfileSchema, Selectable } from '@lepupitre/db-core';

/** Row types of the feedback context, derived from the generated schema: a column rename breaks the build. */
export type AutoFeedbackRow = Selectable<ProfileSchema['auto_feedback']>;
export type FeedbackNoteRow = Selectable<ProfileSchema['feedback_notes']>;
