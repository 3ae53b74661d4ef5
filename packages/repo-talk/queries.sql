-- The SQL of packages/repo-talk: every PreparedQuery exported by src/queries.ts,
-- with its parameters and its EXPLAIN QUERY PLAN on the realistic database of its scope
-- (@lepupitre/testing). Reviewers read the plan diffs here.
-- Generated, do not edit: regenerate with `npx nx run sql-catalogue:sql`.

-- activeProject
-- parameters: none
-- plan on the profile database:
--   SEARCH active_state USING INTEGER PRIMARY KEY (rowid=?)
--   SEARCH talk_projects USING INDEX sqlite_autoindex_talk_projects_1 (id=?)
select "talk_projects"."id", "talk_projects"."title", "talk_projects"."audience", "talk_projects"."goal", "talk_projects"."duration_target_sec", "talk_projects"."talk_number", "talk_projects"."stage", "talk_projects"."created_at", "talk_projects"."updated_at" from "active_state" inner join "talk_projects" on "talk_projects"."id" = "active_state"."active_project_id" where "active_state"."id" = 1 and "talk_projects"."is_training" = 0;

-- artifactType
-- parameters: ?1 id
-- plan on the profile database:
--   SEARCH artifacts USING INDEX sqlite_autoindex_artifacts_1 (id=?)
select "id", "type" from "artifacts" where "id" = ?;

-- insertProject
-- parameters: ?1 id, ?2 title, ?3 audience, ?4 goal, ?5 durationTargetSec, ?6 talkNumber, ?7 stage, ?8 createdAt, ?9 createdAt, ?10 isTraining
-- plan on the profile database: no step (nothing is read)
insert into "talk_projects" ("id", "title", "audience", "goal", "duration_target_sec", "talk_number", "stage", "created_at", "updated_at", "is_training") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- insertRun
-- parameters: ?1 id, ?2 projectId, ?3 createdAt
-- plan on the profile database: no step (nothing is read)
insert into "runs" ("id", "project_id", "created_at") values (?, ?, ?);

-- latestUpdatedProject
-- parameters: ?1 = 1
-- plan on the profile database:
--   SCAN talk_projects USING INDEX idx_talk_projects_recent
select "talk_projects"."id", "talk_projects"."title", "talk_projects"."audience", "talk_projects"."goal", "talk_projects"."duration_target_sec", "talk_projects"."talk_number", "talk_projects"."stage", "talk_projects"."created_at", "talk_projects"."updated_at" from "talk_projects" where "is_training" = 0 order by "updated_at" desc, "id" desc limit ?;

-- listProjects
-- parameters: none
-- plan on the profile database:
--   SCAN talk_projects USING INDEX idx_talk_projects_recent
--   SEARCH active_state USING INTEGER PRIMARY KEY (rowid=?) LEFT-JOIN
select "talk_projects"."id", "talk_projects"."title", "talk_projects"."audience", "talk_projects"."goal", "talk_projects"."duration_target_sec", "talk_projects"."talk_number", "talk_projects"."stage", "talk_projects"."created_at", "talk_projects"."updated_at", "active_state"."id" as "active_marker" from "talk_projects" left join "active_state" on "active_state"."id" = 1 and "active_state"."active_project_id" = "talk_projects"."id" where "talk_projects"."is_training" = 0 order by "talk_projects"."updated_at" desc, "talk_projects"."id" desc;

-- maxTalkNumber
-- parameters: none
-- plan on the profile database:
--   SEARCH talk_projects USING COVERING INDEX idx_talk_projects_number
select max("talk_number") as "max_number" from "talk_projects" where "is_training" = 0;

-- projectFlags
-- parameters: ?1 id
-- plan on the profile database:
--   SEARCH talk_projects USING INDEX sqlite_autoindex_talk_projects_1 (id=?)
select "id", "is_training" from "talk_projects" where "id" = ?;

-- projectOutline
-- parameters: ?1 projectId
-- plan on the profile database:
--   SEARCH talk_projects USING INDEX sqlite_autoindex_talk_projects_1 (id=?)
--   SEARCH talk_outlines USING INDEX sqlite_autoindex_talk_outlines_1 (project_id=?) LEFT-JOIN
select "talk_projects"."id", "talk_projects"."title", "talk_outlines"."outline_md", "talk_outlines"."updated_at" from "talk_projects" left join "talk_outlines" on "talk_outlines"."project_id" = "talk_projects"."id" where "talk_projects"."id" = ?;

-- runById
-- parameters: ?1 id
-- plan on the profile database:
--   SEARCH runs USING INDEX sqlite_autoindex_runs_1 (id=?)
select * from "runs" where "id" = ?;

-- runUsingAudio
-- parameters: ?1 artifactId, ?2 = 1
-- plan on the profile database:
--   SEARCH runs USING INDEX idx_runs_audio_artifact (audio_artifact_id=?)
select "id" from "runs" where "audio_artifact_id" = ? limit ?;

-- runsOfProject
-- parameters: ?1 projectId, ?2 limit
-- plan on the profile database:
--   SEARCH runs USING INDEX idx_runs_project_time (project_id=?)
--   USE TEMP B-TREE FOR LAST TERM OF ORDER BY
select * from "runs" where "project_id" = ? order by "created_at" desc, "id" desc limit ?;

-- setActiveProject
-- parameters: ?1 = 1, ?2 projectId
-- plan on the profile database: no step (nothing is read)
insert into "active_state" ("id", "active_project_id") values (?, ?) on conflict ("id") do update set "active_project_id" = "excluded"."active_project_id";

-- setRunAudio
-- parameters: ?1 artifactId, ?2 estimatedPaceWpm, ?3 runId
-- plan on the profile database:
--   SEARCH runs USING INDEX sqlite_autoindex_runs_1 (id=?)
update "runs" set "audio_artifact_id" = ?, "estimated_pace_wpm" = ? where "id" = ?;

-- setRunFeedback
-- parameters: ?1 feedbackId, ?2 runId
-- plan on the profile database:
--   SEARCH runs USING INDEX sqlite_autoindex_runs_1 (id=?)
update "runs" set "feedback_id" = ? where "id" = ?;

-- setRunTranscript
-- parameters: ?1 artifactId, ?2 runId
-- plan on the profile database:
--   SEARCH runs USING INDEX sqlite_autoindex_runs_1 (id=?)
update "runs" set "transcript_id" = ? where "id" = ?;

-- trainingProjectId
-- parameters: ?1 = 1
-- plan on the profile database:
--   SEARCH talk_projects USING INDEX idx_talk_projects_one_training (is_training=?)
select "id" from "talk_projects" where "is_training" = 1 limit ?;

-- updateProject
-- parameters: ?1 title, ?2 audience, ?3 goal, ?4 durationTargetSec, ?5 stage, ?6 updatedAt, ?7 id
-- plan on the profile database:
--   SEARCH talk_projects USING INDEX sqlite_autoindex_talk_projects_1 (id=?)
update "talk_projects" set "title" = ?, "audience" = ?, "goal" = ?, "duration_target_sec" = ?, "stage" = ?, "updated_at" = ? where "id" = ?;

-- upsertOutline
-- parameters: ?1 projectId, ?2 markdown, ?3 now, ?4 now
-- plan on the profile database: no step (nothing is read)
insert into "talk_outlines" ("project_id", "outline_md", "created_at", "updated_at") values (?, ?, ?, ?) on conflict ("project_id") do update set "outline_md" = "excluded"."outline_md", "updated_at" = "excluded"."updated_at";
