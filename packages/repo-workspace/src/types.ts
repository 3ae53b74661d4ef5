import type { GlobalSchema, ProfileSchema, Selectable } from '@lepupitre/db-core';

/** Row types of the workspace context, derived from the generated schema: a column rename breaks the build. */
export type ProfileRow = Selectable<GlobalSchema['profiles']>;
export type GlobalSettingRow = Selectable<GlobalSchema['global_settings']>;
export type ProfileSettingRow = Selectable<ProfileSchema['profile_settings']>;
