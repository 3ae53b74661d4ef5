-- The SQL of packages/repo-workspace: every PreparedQuery exported by src/queries.ts,
-- with its parameters and its EXPLAIN QUERY PLAN on the realistic database of its scope
-- (@lepupitre/testing). Reviewers read the plan diffs here.
-- Generated, do not edit: regenerate with `npx nx run sql-catalogue:sql`.

-- activateProfile
-- parameters: ?1 = 1, ?2 now, ?3 id
-- plan on the global database:
--   SEARCH profiles USING INDEX sqlite_autoindex_profiles_1 (id=?)
update "profiles" set "is_active" = ?, "last_opened_at" = ? where "id" = ?;

-- activeProfiles
-- parameters: none
-- plan on the global database:
--   SEARCH profiles USING INDEX idx_profiles_one_active (is_active=?)
select "id", "last_opened_at" from "profiles" where "is_active" = 1 and "id" is not null order by "id";

-- activeProjectId
-- parameters: none
-- plan on the profile database:
--   SEARCH active_state USING INTEGER PRIMARY KEY (rowid=?)
select "active_project_id" from "active_state" where "id" = 1;

-- allProfiles
-- parameters: none
-- plan on the global database:
--   SCAN profiles USING INDEX idx_profiles_created_at
--   USE TEMP B-TREE FOR LAST TERM OF ORDER BY
select "id", "name", "created_at", "last_opened_at", "is_active" from "profiles" where "id" is not null order by "created_at" asc, "id" asc;

-- attemptStats
-- parameters: ?1 projectId
-- plan on the profile database:
--   SEARCH quest_attempts USING INDEX idx_attempts_project_time (project_id=?)
select count(*) as "total", count("feedback_id") as "with_feedback", max("created_at") as "last_at" from "quest_attempts" where "project_id" = ?;

-- attemptsSince
-- parameters: ?1 projectId, ?2 since
-- plan on the profile database:
--   SEARCH quest_attempts USING COVERING INDEX idx_attempts_project_time (project_id=? AND created_at>?)
select count(*) as "n" from "quest_attempts" where "project_id" = ? and "created_at" >= ?;

-- blueprintProject
-- parameters: ?1 id
-- plan on the profile database:
--   SEARCH talk_projects USING INDEX sqlite_autoindex_talk_projects_1 (id=?)
select "id", "title", "audience", "goal", "duration_target_sec", "stage" from "talk_projects" where "id" = ?;

-- deactivateActiveProfiles
-- parameters: ?1 = 0
-- plan on the global database:
--   SEARCH profiles USING INDEX idx_profiles_one_active (is_active=?)
update "profiles" set "is_active" = ? where "is_active" = 1;

-- deleteGlobalPreference
-- parameters: ?1 key
-- plan on the global database:
--   SEARCH global_settings USING INDEX sqlite_autoindex_global_settings_1 (key=?)
delete from "global_settings" where "key" = ?;

-- deleteProfile
-- parameters: ?1 id
-- plan on the global database:
--   SEARCH profiles USING INDEX sqlite_autoindex_profiles_1 (id=?)
delete from "profiles" where "id" = ?;

-- deleteProfilePreference
-- parameters: ?1 key
-- plan on the profile database:
--   SEARCH profile_settings USING INDEX sqlite_autoindex_profile_settings_1 (key=?)
delete from "profile_settings" where "key" = ?;

-- globalPreference
-- parameters: ?1 key
-- plan on the global database:
--   SEARCH global_settings USING INDEX sqlite_autoindex_global_settings_1 (key=?)
select "value_json" from "global_settings" where "key" = ?;

-- insertProfile
-- parameters: ?1 id, ?2 name, ?3 createdAt, ?4 lastOpenedAt, ?5 isActive
-- plan on the global database: no step (nothing is read)
insert into "profiles" ("id", "name", "created_at", "last_opened_at", "is_active") values (?, ?, ?, ?, ?);

-- newestProfile
-- parameters: ?1 = 1
-- plan on the global database:
--   SEARCH profiles USING INDEX idx_profiles_created_at (created_at=?)
--   SCALAR SUBQUERY 1
--     SEARCH newest USING COVERING INDEX idx_profiles_created_at
--   USE TEMP B-TREE FOR ORDER BY
select "id", "last_opened_at" from "profiles" where "created_at" = (select max("newest"."created_at") as "at" from "profiles" as "newest") and "id" is not null order by "id" desc limit ?;

-- otherProfileIdByName
-- parameters: ?1 name, ?2 id, ?3 = 1
-- plan on the global database:
--   SEARCH profiles USING INDEX idx_profiles_name (name=?)
select "id" from "profiles" where "name" = ? and "id" <> ? limit ?;

-- outlineLength
-- parameters: ?1 = "", ?2 projectId
-- plan on the profile database:
--   SEARCH talk_outlines USING INDEX sqlite_autoindex_talk_outlines_1 (project_id=?)
select length(trim(coalesce("outline_md", ?))) as "n" from "talk_outlines" where "project_id" = ?;

-- profileById
-- parameters: ?1 id
-- plan on the global database:
--   SEARCH profiles USING INDEX sqlite_autoindex_profiles_1 (id=?)
select "id", "name", "created_at", "last_opened_at", "is_active" from "profiles" where "id" = ?;

-- profileIdByName
-- parameters: ?1 name, ?2 = 1
-- plan on the global database:
--   SEARCH profiles USING INDEX idx_profiles_name (name=?)
select "id" from "profiles" where "name" = ? limit ?;

-- profilePreference
-- parameters: ?1 key
-- plan on the profile database:
--   SEARCH profile_settings USING INDEX sqlite_autoindex_profile_settings_1 (key=?)
select "value_json" from "profile_settings" where "key" = ?;

-- projectIdById
-- parameters: ?1 id
-- plan on the profile database:
--   SEARCH talk_projects USING COVERING INDEX sqlite_autoindex_talk_projects_1 (id=?)
select "id" from "talk_projects" where "id" = ?;

-- reactivateProfileIfNoneActive
-- parameters: ?1 = 1, ?2 id
-- plan on the global database:
--   SEARCH profiles USING INDEX sqlite_autoindex_profiles_1 (id=?)
--   SCALAR SUBQUERY 1
--     SEARCH other USING INDEX idx_profiles_one_active (is_active=?)
update "profiles" set "is_active" = ? where "id" = ? and not exists (select "other"."id" from "profiles" as "other" where "other"."is_active" = 1);

-- recentAttemptDays
-- parameters: ?1 projectId, ?2 = 90
-- plan on the profile database:
--   SEARCH quest_attempts USING COVERING INDEX idx_attempts_project_time (project_id=?)
--   USE TEMP B-TREE FOR DISTINCT
select distinct substr("created_at", 1, 10) as "day" from "quest_attempts" where "project_id" = ? order by "day" desc limit ?;

-- renameProfile
-- parameters: ?1 name, ?2 id
-- plan on the global database:
--   SEARCH profiles USING INDEX sqlite_autoindex_profiles_1 (id=?)
update "profiles" set "name" = ? where "id" = ?;

-- restoreSwitchedProfile
-- parameters: ?1 = 0, ?2 lastOpenedAt, ?3 id, ?4 wroteAt
-- plan on the global database:
--   SEARCH profiles USING INDEX sqlite_autoindex_profiles_1 (id=?)
update "profiles" set "is_active" = ?, "last_opened_at" = ? where "id" = ? and "is_active" = 1 and "last_opened_at" = ?;

-- runStats
-- parameters: ?1 projectId
-- plan on the profile database:
--   SEARCH runs USING INDEX idx_runs_project_time (project_id=?)
select count(*) as "total", count("feedback_id") as "with_feedback" from "runs" where "project_id" = ?;

-- talksCount
-- parameters: none
-- plan on the profile database:
--   SCAN talk_projects USING COVERING INDEX idx_talk_projects_number
select count(*) as "n" from "talk_projects" where "is_training" = 0;

-- trainingProjectId
-- parameters: ?1 = 1
-- plan on the profile database:
--   SEARCH talk_projects USING INDEX idx_talk_projects_one_training (is_training=?)
select "id" from "talk_projects" where "is_training" = 1 limit ?;

-- upsertGlobalPreference
-- parameters: ?1 key, ?2 value
-- plan on the global database: no step (nothing is read)
insert into "global_settings" ("key", "value_json") values (?, ?) on conflict ("key") do update set "value_json" = "excluded"."value_json";

-- upsertProfilePreference
-- parameters: ?1 key, ?2 value
-- plan on the profile database: no step (nothing is read)
insert into "profile_settings" ("key", "value_json") values (?, ?) on conflict ("key") do update set "value_json" = "excluded"."value_json";
