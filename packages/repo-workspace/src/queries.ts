/**
 * SQL and Kysely builders of the workspace context, defined once with `defineQuery`: profiles
 * and global preferences on the global database; profile preferences and the coach read models
 * on a profile database. No execution and no mapping here; `repo/` does both. Not exported from
 * the package.
 */
import { defineQuery, globalQueryBuilder as gqb, profileQueryBuilder as pqb, type QueryParams } from '@lepupitre/db-core';

// ---------------------------------------------------------------------------------------------
// Global database: profiles

const PROFILE_COLUMNS = ['id', 'name', 'created_at', 'last_opened_at', 'is_active'] as const;

export const profileById = defineQuery((p: QueryParams<{ id: string }>) =>
  gqb.selectFrom('profiles').select(PROFILE_COLUMNS).where('id', '=', p.id),
);

/** Exact, case-sensitive (BINARY) comparison, as the previous app's uniqueness check. */
export const profileIdByName = defineQuery((p: QueryParams<{ name: string }>) =>
  gqb.selectFrom('profiles').select('id').where('name', '=', p.name).limit(1),
);

export const otherProfileIdByName = defineQuery((p: QueryParams<{ name: string; id: string }>) =>
  gqb.selectFrom('profiles').select('id').where('name', '=', p.name).where('id', '<>', p.id).limit(1),
);

/**
 * Oldest first; the id breaks ties so that two profiles created in one millisecond list the same way every time.
 * A legacy row with a NULL id is left out: no command can address it (the previous app failed the whole list on it).
 */
export const allProfiles = defineQuery(() =>
  gqb
    .selectFrom('profiles')
    .select(PROFILE_COLUMNS)
    .where('id', 'is not', null)
    .orderBy('created_at', 'asc')
    .orderBy('id', 'asc'),
);

/** The active profiles an undone change may reactivate: a legacy row with a NULL id cannot be addressed, so it is left out. */
export const activeProfiles = defineQuery(() =>
  gqb
    .selectFrom('profiles')
    .select(['id', 'last_opened_at'])
    .where((eb) => eb('is_active', '=', eb.lit(1)))
    .where('id', 'is not', null)
    .orderBy('id'),
);

export const deactivateActiveProfiles = defineQuery(() =>
  gqb.updateTable('profiles').set({ is_active: 0 }).where((eb) => eb('is_active', '=', eb.lit(1))),
);

export const insertProfile = defineQuery(
  (p: QueryParams<{ id: string; name: string; createdAt: string; lastOpenedAt: string | null; isActive: number }>) =>
    gqb.insertInto('profiles').values({
      id: p.id,
      name: p.name,
      created_at: p.createdAt,
      last_opened_at: p.lastOpenedAt,
      is_active: p.isActive,
    }),
);

export const activateProfile = defineQuery((p: QueryParams<{ id: string; now: string }>) =>
  gqb.updateTable('profiles').set({ is_active: 1, last_opened_at: p.now }).where('id', '=', p.id),
);

/** Reactivates a profile only while no other one is active (undoing a change without clobbering a newer one). */
export const reactivateProfileIfNoneActive = defineQuery((p: QueryParams<{ id: string }>) =>
  gqb
    .updateTable('profiles')
    .set({ is_active: 1 })
    .where('id', '=', p.id)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('profiles as other').select('other.id').where((e) => e('other.is_active', '=', e.lit(1)))))),
);

/**
 * Puts back the state a switch found, only if the row still holds exactly what the switch wrote:
 * a later switch by someone else is never undone.
 */
export const restoreSwitchedProfile = defineQuery(
  (p: QueryParams<{ id: string; wroteAt: string; lastOpenedAt: string | null }>) =>
    gqb
      .updateTable('profiles')
      .set({ is_active: 0, last_opened_at: p.lastOpenedAt })
      .where('id', '=', p.id)
      .where((eb) => eb('is_active', '=', eb.lit(1)))
      .where('last_opened_at', '=', p.wroteAt),
);

export const renameProfile = defineQuery((p: QueryParams<{ id: string; name: string }>) =>
  gqb.updateTable('profiles').set({ name: p.name }).where('id', '=', p.id),
);

export const deleteProfile = defineQuery((p: QueryParams<{ id: string }>) =>
  gqb.deleteFrom('profiles').where('id', '=', p.id),
);

/**
 * The profile that becomes active when the active one is deleted: the most recently CREATED
 * (not opened) remaining one, newest id on a tie. Written as a MAX lookup so that an index on
 * `profiles(created_at)` turns it into a seek. When that newest row is a legacy one with a NULL
 * id, which no command can activate, nothing is returned and no profile becomes active.
 */
export const newestProfile = defineQuery(() =>
  gqb
    .selectFrom('profiles')
    .select(['id', 'last_opened_at'])
    .where('created_at', '=', (eb) => eb.selectFrom('profiles as newest').select((e) => e.fn.max('newest.created_at').as('at')))
    .where('id', 'is not', null)
    .orderBy('id', 'desc')
    .limit(1),
);

// ---------------------------------------------------------------------------------------------
// Global database: preferences

export const globalPreference = defineQuery((p: QueryParams<{ key: string }>) =>
  gqb.selectFrom('global_settings').select('value_json').where('key', '=', p.key),
);

export const upsertGlobalPreference = defineQuery((p: QueryParams<{ key: string; value: string }>) =>
  gqb
    .insertInto('global_settings')
    .values({ key: p.key, value_json: p.value })
    .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ value_json: eb.ref('excluded.value_json') }))),
);

export const deleteGlobalPreference = defineQuery((p: QueryParams<{ key: string }>) =>
  gqb.deleteFrom('global_settings').where('key', '=', p.key),
);

// ---------------------------------------------------------------------------------------------
// Profile database: preferences

export const profilePreference = defineQuery((p: QueryParams<{ key: string }>) =>
  pqb.selectFrom('profile_settings').select('value_json').where('key', '=', p.key),
);

export const upsertProfilePreference = defineQuery((p: QueryParams<{ key: string; value: string }>) =>
  pqb
    .insertInto('profile_settings')
    .values({ key: p.key, value_json: p.value })
    .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ value_json: eb.ref('excluded.value_json') }))),
);

export const deleteProfilePreference = defineQuery((p: QueryParams<{ key: string }>) =>
  pqb.deleteFrom('profile_settings').where('key', '=', p.key),
);

// ---------------------------------------------------------------------------------------------
// Profile database: talks count of the profile list

/** The training project is not a talk of the user's. */
export const talksCount = defineQuery(() =>
  pqb.selectFrom('talk_projects').select((eb) => eb.fn.countAll<number>().as('n')).where((eb) => eb('is_training', '=', eb.lit(0))),
);

// ---------------------------------------------------------------------------------------------
// Profile database: coach read models

export const projectIdById = defineQuery((p: QueryParams<{ id: string }>) =>
  pqb.selectFrom('talk_projects').select('id').where('id', '=', p.id),
);

export const trainingProjectId = defineQuery(() =>
  pqb.selectFrom('talk_projects').select('id').where((eb) => eb('is_training', '=', eb.lit(1))).limit(1),
);

export const activeProjectId = defineQuery(() =>
  pqb.selectFrom('active_state').select('active_project_id').where((eb) => eb('id', '=', eb.lit(1))),
);

/** `COUNT(feedback_id)` counts the analysed attempts: the non-null ones. One pass over the project's attempts. */
export const attemptStats = defineQuery((p: QueryParams<{ projectId: string }>) =>
  pqb
    .selectFrom('quest_attempts')
    .select((eb) => [
      eb.fn.countAll<number>().as('total'),
      eb.fn.count<number>('feedback_id').as('with_feedback'),
      eb.fn.max('created_at').as('last_at'),
    ])
    .where('project_id', '=', p.projectId),
);

/** `since` is a standard timestamp: a plain TEXT comparison, as the previous app made it. */
export const attemptsSince = defineQuery((p: QueryParams<{ projectId: string; since: string }>) =>
  pqb
    .selectFrom('quest_attempts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('project_id', '=', p.projectId)
    .where('created_at', '>=', p.since),
);

/** The 90 most recent distinct UTC days (`YYYY-MM-DD`) with an attempt; unparseable ones still take a slot. */
export const recentAttemptDays = defineQuery((p: QueryParams<{ projectId: string }>) =>
  pqb
    .selectFrom('quest_attempts')
    .select((eb) => eb.fn<string>('substr', ['created_at', eb.lit(1), eb.lit(10)]).as('day'))
    .distinct()
    .where('project_id', '=', p.projectId)
    .orderBy('day', 'desc')
    .limit(90),
);

export const blueprintProject = defineQuery((p: QueryParams<{ id: string }>) =>
  pqb
    .selectFrom('talk_projects')
    .select(['id', 'title', 'audience', 'goal', 'duration_target_sec', 'stage'])
    .where('id', '=', p.id),
);

/**
 * SQLite's one-argument TRIM strips only U+0020 and LENGTH counts code points: the "structured"
 * threshold must stay computed here, not in JavaScript, to keep the previous app's verdicts.
 */
export const outlineLength = defineQuery((p: QueryParams<{ projectId: string }>) =>
  pqb
    .selectFrom('talk_outlines')
    .select((eb) =>
      eb
        .fn<number>('length', [eb.fn('trim', [eb.fn.coalesce('outline_md', eb.val(''))])])
        .as('n'),
    )
    .where('project_id', '=', p.projectId),
);

export const runStats = defineQuery((p: QueryParams<{ projectId: string }>) =>
  pqb
    .selectFrom('runs')
    .select((eb) => [eb.fn.countAll<number>().as('total'), eb.fn.count<number>('feedback_id').as('with_feedback')])
    .where('project_id', '=', p.projectId),
);
