import type { ProfileSchema, Selectable } from '@lepupitre/db-core';

/** Row types of the talk context, derived from the generated schema: a column rename breaks the build. */
export type TalkProjectRow = Selectable<ProfileSchema['talk_projects']>;
export type TalkOutlineRow = Selectable<ProfileSchema['talk_outlines']>;
export type ActiveStateRow = Selectable<ProfileSchema['active_state']>;
export type RunRow = Selectable<ProfileSchema['runs']>;
