-- The SQL of packages/repo-quest: every PreparedQuery exported by src/queries.ts,
-- with its parameters and its EXPLAIN QUERY PLAN on the realistic database of its scope
-- (@lepupitre/testing). Reviewers read the plan diffs here.
-- Generated, do not edit: regenerate with `npx nx run sql-catalogue:sql`.

-- artifactTypeById
-- parameters: ?1 id
-- plan on the profile database:
--   SEARCH artifacts USING INDEX sqlite_autoindex_artifacts_1 (id=?)
select "type" from "artifacts" where "id" = ?;

-- attemptByAudioArtifact
-- parameters: ?1 audioArtifactId, ?2 = 1
-- plan on the profile database:
--   SEARCH quest_attempts USING INDEX idx_attempts_audio_artifact (audio_artifact_id=?)
--   USE TEMP B-TREE FOR ORDER BY
select "id", "transcript_id" from "quest_attempts" where "audio_artifact_id" = ? order by "created_at" asc, "id" asc limit ?;

-- attemptForAnalysis
-- parameters: ?1 id
-- plan on the profile database:
--   SEARCH quest_attempts USING INDEX sqlite_autoindex_quest_attempts_1 (id=?)
--   SEARCH quests USING INDEX sqlite_autoindex_quests_1 (code=?)
select "quest_attempts"."id" as "attempt_id", "quest_attempts"."project_id" as "project_id", "quest_attempts"."quest_code" as "quest_code", "quests"."estimated_sec" as "estimated_sec", "quest_attempts"."output_text" as "output_text", "quest_attempts"."transcript_id" as "transcript_id", "quest_attempts"."feedback_id" as "feedback_id" from "quest_attempts" inner join "quests" on "quests"."code" = "quest_attempts"."quest_code" where "quest_attempts"."id" = ?;

-- attemptsOfProject
-- parameters: ?1 projectId, ?2 limit
-- plan on the profile database:
--   SEARCH quest_attempts USING INDEX idx_attempts_project_time (project_id=?)
--   SEARCH quests USING INDEX sqlite_autoindex_quests_1 (code=?)
--   USE TEMP B-TREE FOR LAST TERM OF ORDER BY
select "quest_attempts"."id" as "id", "quest_attempts"."quest_code" as "quest_code", "quests"."title" as "quest_title", "quests"."output_type" as "output_type", "quest_attempts"."created_at" as "created_at", "quest_attempts"."audio_artifact_id" as "audio_artifact_id", "quest_attempts"."transcript_id" as "transcript_id", "quest_attempts"."feedback_id" as "feedback_id" from "quest_attempts" inner join "quests" on "quests"."code" = "quest_attempts"."quest_code" where "quest_attempts"."project_id" = ? order by "quest_attempts"."created_at" desc, "quest_attempts"."id" desc limit ?;

-- firstQuestByCode
-- parameters: ?1 = 1
-- plan on the profile database:
--   SCAN quests USING INDEX sqlite_autoindex_quests_1
select * from "quests" order by "code" asc limit ?;

-- insertAttempt
-- parameters: ?1 id, ?2 projectId, ?3 questCode, ?4 createdAt, ?5 outputText, ?6 audioArtifactId, ?7 transcriptId, ?8 = null
-- plan on the profile database: no step (nothing is read)
insert into "quest_attempts" ("id", "project_id", "quest_code", "created_at", "output_text", "audio_artifact_id", "transcript_id", "feedback_id") values (?, ?, ?, ?, ?, ?, ?, ?);

-- projectIdById
-- parameters: ?1 id
-- plan on the profile database:
--   SEARCH talk_projects USING COVERING INDEX sqlite_autoindex_talk_projects_1 (id=?)
select "id" from "talk_projects" where "id" = ?;

-- questByCode
-- parameters: ?1 code
-- plan on the profile database:
--   SEARCH quests USING INDEX sqlite_autoindex_quests_1 (code=?)
select * from "quests" where "code" = ?;

-- questReport
-- parameters: ?1 projectId, ?2 = 1
-- plan on the profile database:
--   SCAN quests USING INDEX sqlite_autoindex_quests_1
--   SEARCH quest_attempts USING INDEX sqlite_autoindex_quest_attempts_1 (id=?) LEFT-JOIN
--   CORRELATED SCALAR SUBQUERY 1
--     SEARCH latest USING INDEX idx_attempts_project_time (project_id=?)
--     USE TEMP B-TREE FOR LAST TERM OF ORDER BY
select "quests"."code" as "quest_code", "quests"."title" as "quest_title", "quests"."prompt" as "quest_prompt", "quests"."output_type" as "output_type", "quests"."category" as "category", "quests"."estimated_sec" as "estimated_sec", "quest_attempts"."id" as "attempt_id", "quest_attempts"."created_at" as "attempt_created_at", "quest_attempts"."audio_artifact_id" as "audio_artifact_id", "quest_attempts"."transcript_id" as "transcript_id", "quest_attempts"."feedback_id" as "feedback_id" from "quests" left join "quest_attempts" on "quest_attempts"."id" = (select "latest"."id" from "quest_attempts" as "latest" where "latest"."project_id" = ? and "latest"."quest_code" = "quests"."code" order by "latest"."created_at" desc, "latest"."id" desc limit ?) order by "quests"."code" asc;

-- questsInListOrder
-- parameters: none
-- plan on the profile database:
--   SCAN quests
--   USE TEMP B-TREE FOR ORDER BY
select * from "quests" order by "category" asc, "code" asc;

-- setAttemptFeedback
-- parameters: ?1 feedbackId, ?2 id
-- plan on the profile database:
--   SEARCH quest_attempts USING INDEX sqlite_autoindex_quest_attempts_1 (id=?)
update "quest_attempts" set "feedback_id" = ? where "id" = ?;

-- setAttemptTranscript
-- parameters: ?1 transcriptId, ?2 id
-- plan on the profile database:
--   SEARCH quest_attempts USING INDEX sqlite_autoindex_quest_attempts_1 (id=?)
update "quest_attempts" set "transcript_id" = ? where "id" = ?;
