-- The SQL of packages/repo-feedback: every PreparedQuery exported by src/queries.ts,
-- with its parameters and its EXPLAIN QUERY PLAN on the realistic database of its scope
-- (@lepupitre/testing). Reviewers read the plan diffs here.
-- Generated, do not edit: regenerate with `npx nx run sql-catalogue:sql`.

-- attemptWithQuest
-- parameters: ?1 id
-- plan on the profile database:
--   SEARCH qa USING INDEX sqlite_autoindex_quest_attempts_1 (id=?)
--   SEARCH q USING INDEX sqlite_autoindex_quests_1 (code=?)
select "qa"."id", "qa"."project_id", "qa"."quest_code", "q"."title" as "quest_title" from "quest_attempts" as "qa" inner join "quests" as "q" on "q"."code" = "qa"."quest_code" where "qa"."id" = ?;

-- deleteNote
-- parameters: ?1 feedbackId
-- plan on the profile database:
--   SEARCH feedback_notes USING INDEX sqlite_autoindex_feedback_notes_1 (feedback_id=?)
delete from "feedback_notes" where "feedback_id" = ?;

-- feedbackArtifactId
-- parameters: ?1 id
-- plan on the profile database:
--   SEARCH auto_feedback USING INDEX sqlite_autoindex_auto_feedback_1 (id=?)
select "feedback_json_artifact_id" from "auto_feedback" where "id" = ?;

-- feedbackExists
-- parameters: ?1 id
-- plan on the profile database:
--   SEARCH auto_feedback USING COVERING INDEX sqlite_autoindex_auto_feedback_1 (id=?)
select "id" from "auto_feedback" where "id" = ?;

-- feedbackSubject
-- parameters: ?1 id
-- plan on the profile database:
--   SEARCH auto_feedback USING INDEX sqlite_autoindex_auto_feedback_1 (id=?)
select "subject_type", "subject_id" from "auto_feedback" where "id" = ?;

-- insertAutoFeedback
-- parameters: ?1 id, ?2 subjectType, ?3 subjectId, ?4 createdAt, ?5 artifactId, ?6 overallScore
-- plan on the profile database: no step (nothing is read)
insert into "auto_feedback" ("id", "subject_type", "subject_id", "created_at", "feedback_json_artifact_id", "overall_score") values (?, ?, ?, ?, ?, ?);

-- noteText
-- parameters: ?1 feedbackId
-- plan on the profile database:
--   SEARCH feedback_notes USING INDEX sqlite_autoindex_feedback_notes_1 (feedback_id=?)
select "note_text" from "feedback_notes" where "feedback_id" = ?;

-- projectExists
-- parameters: ?1 id
-- plan on the profile database:
--   SEARCH talk_projects USING COVERING INDEX sqlite_autoindex_talk_projects_1 (id=?)
select "id" from "talk_projects" where "id" = ?;

-- runProject
-- parameters: ?1 id
-- plan on the profile database:
--   SEARCH runs USING INDEX sqlite_autoindex_runs_1 (id=?)
select "id", "project_id" from "runs" where "id" = ?;

-- timelineAll
-- parameters: ?1 = "quest_attempt", ?2 limit, ?3 = "run", ?4 limit, ?5 limit
-- plan on the profile database:
--   CO-ROUTINE items
--     COMPOUND QUERY
--       LEFT-MOST SUBQUERY
--         CO-ROUTINE attempt_items
--           SEARCH af USING INDEX idx_auto_feedback_type_time (subject_type=?)
--           SEARCH qa USING INDEX sqlite_autoindex_quest_attempts_1 (id=?)
--           SEARCH q USING INDEX sqlite_autoindex_quests_1 (code=?) LEFT-JOIN
--           SEARCH fn USING INDEX sqlite_autoindex_feedback_notes_1 (feedback_id=?) LEFT-JOIN
--         SCAN attempt_items
--       UNION ALL
--         CO-ROUTINE run_items
--           SEARCH af USING INDEX idx_auto_feedback_type_time (subject_type=?)
--           SEARCH r USING INDEX sqlite_autoindex_runs_1 (id=?)
--           SEARCH fn USING INDEX sqlite_autoindex_feedback_notes_1 (feedback_id=?) LEFT-JOIN
--         SCAN run_items
--   SCAN items
--   USE TEMP B-TREE FOR ORDER BY
select * from (select * from (select "af"."id" as "id", "af"."created_at" as "created_at", "af"."overall_score" as "overall_score", "af"."subject_type" as "subject_type", "qa"."project_id" as "project_id", "qa"."quest_code" as "quest_code", "q"."title" as "quest_title", NULL as "run_id", "fn"."updated_at" as "note_updated_at" from "auto_feedback" as "af" inner join "quest_attempts" as "qa" on "qa"."id" = "af"."subject_id" left join "quests" as "q" on "q"."code" = "qa"."quest_code" left join "feedback_notes" as "fn" on "fn"."feedback_id" = "af"."id" where "af"."subject_type" = ? order by "af"."created_at" desc, "af"."id" desc limit ?) as "attempt_items" union all select * from (select "af"."id" as "id", "af"."created_at" as "created_at", "af"."overall_score" as "overall_score", "af"."subject_type" as "subject_type", "r"."project_id" as "project_id", NULL as "quest_code", NULL as "quest_title", "r"."id" as "run_id", "fn"."updated_at" as "note_updated_at" from "auto_feedback" as "af" inner join "runs" as "r" on "r"."id" = "af"."subject_id" left join "feedback_notes" as "fn" on "fn"."feedback_id" = "af"."id" where "af"."subject_type" = ? order by "af"."created_at" desc, "af"."id" desc limit ?) as "run_items") as "items" order by "items"."created_at" desc, "items"."id" desc limit ?;

-- timelineForProject
-- parameters: ?1 = "quest_attempt", ?2 projectId, ?3 = "run", ?4 projectId, ?5 limit
-- plan on the profile database:
--   CO-ROUTINE items
--     COMPOUND QUERY
--       LEFT-MOST SUBQUERY
--         SEARCH qa USING INDEX idx_attempts_project_time (project_id=?)
--         SEARCH af USING INDEX idx_auto_feedback_subject (subject_id=?)
--         SEARCH q USING INDEX sqlite_autoindex_quests_1 (code=?) LEFT-JOIN
--         SEARCH fn USING INDEX sqlite_autoindex_feedback_notes_1 (feedback_id=?) LEFT-JOIN
--       UNION ALL
--         SEARCH r USING INDEX idx_runs_project_time (project_id=?)
--         SEARCH af USING INDEX idx_auto_feedback_subject (subject_id=?)
--         SEARCH fn USING INDEX sqlite_autoindex_feedback_notes_1 (feedback_id=?) LEFT-JOIN
--   SCAN items
--   USE TEMP B-TREE FOR ORDER BY
select * from (select "af"."id" as "id", "af"."created_at" as "created_at", "af"."overall_score" as "overall_score", "af"."subject_type" as "subject_type", "qa"."project_id" as "project_id", "qa"."quest_code" as "quest_code", "q"."title" as "quest_title", NULL as "run_id", "fn"."updated_at" as "note_updated_at" from "quest_attempts" as "qa" inner join "auto_feedback" as "af" on "af"."subject_id" = "qa"."id" and +"af"."subject_type" = ? left join "quests" as "q" on "q"."code" = "qa"."quest_code" left join "feedback_notes" as "fn" on "fn"."feedback_id" = "af"."id" where "qa"."project_id" = ? union all select "af"."id" as "id", "af"."created_at" as "created_at", "af"."overall_score" as "overall_score", "af"."subject_type" as "subject_type", "r"."project_id" as "project_id", NULL as "quest_code", NULL as "quest_title", "r"."id" as "run_id", "fn"."updated_at" as "note_updated_at" from "runs" as "r" inner join "auto_feedback" as "af" on "af"."subject_id" = "r"."id" and +"af"."subject_type" = ? left join "feedback_notes" as "fn" on "fn"."feedback_id" = "af"."id" where "r"."project_id" = ?) as "items" order by "items"."created_at" desc, "items"."id" desc limit ?;

-- upsertNote
-- parameters: ?1 feedbackId, ?2 noteText, ?3 updatedAt
-- plan on the profile database: no step (nothing is read)
insert into "feedback_notes" ("feedback_id", "note_text", "updated_at") values (?, ?, ?) on conflict ("feedback_id") do update set "note_text" = "excluded"."note_text", "updated_at" = "excluded"."updated_at";
