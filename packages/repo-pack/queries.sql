-- The SQL of packages/repo-pack: every PreparedQuery exported by src/queries.ts,
-- with its parameters and its EXPLAIN QUERY PLAN on the realistic database of its scope
-- (@lepupitre/testing). Reviewers read the plan diffs here.
-- Generated, do not edit: regenerate with `npx nx run sql-catalogue:sql`.

-- artifactById
-- parameters: ?1 artifactId
-- plan on the profile database:
--   SEARCH artifacts USING INDEX sqlite_autoindex_artifacts_1 (id=?)
select "type", "local_relpath", "sha256", "bytes" from "artifacts" where "id" = ?;

-- insertPeerReview
-- parameters: ?1 id, ?2 runId, ?3 createdAt, ?4 reviewerTag, ?5 reviewArtifactId
-- plan on the profile database: no step (nothing is read)
insert into "peer_reviews" ("id", "run_id", "created_at", "reviewer_tag", "review_json_artifact_id") values (?, ?, ?, ?, ?);

-- outlineOfProject
-- parameters: ?1 projectId
-- plan on the profile database:
--   SEARCH talk_outlines USING INDEX sqlite_autoindex_talk_outlines_1 (project_id=?)
select "outline_md" from "talk_outlines" where "project_id" = ?;

-- peerReviewById
-- parameters: ?1 peerReviewId
-- plan on the profile database:
--   SEARCH pr USING INDEX sqlite_autoindex_peer_reviews_1 (id=?)
--   SEARCH r USING INDEX sqlite_autoindex_runs_1 (id=?)
select "pr"."id", "pr"."run_id", "r"."project_id", "pr"."created_at", substr("pr"."reviewer_tag", 1, 1024) as "reviewer_tag", "pr"."review_json_artifact_id" from "peer_reviews" as "pr" inner join "runs" as "r" on "r"."id" = "pr"."run_id" where "pr"."id" = ?;

-- peerReviewsOfProject
-- parameters: ?1 projectId, ?2 limit
-- plan on the profile database:
--   SEARCH r USING INDEX idx_runs_project_time (project_id=?)
--   SEARCH pr USING INDEX idx_peer_reviews_run (run_id=?)
--   USE TEMP B-TREE FOR ORDER BY
select "pr"."id", "pr"."run_id", "r"."project_id", "pr"."created_at", substr("pr"."reviewer_tag", 1, 1024) as "reviewer_tag" from "peer_reviews" as "pr" inner join "runs" as "r" on "r"."id" = "pr"."run_id" where "r"."project_id" = ? order by "pr"."created_at" desc, "pr"."id" desc limit ?;

-- projectTitleById
-- parameters: ?1 projectId
-- plan on the profile database:
--   SEARCH talk_projects USING INDEX sqlite_autoindex_talk_projects_1 (id=?)
select "title" from "talk_projects" where "id" = ?;

-- runById
-- parameters: ?1 runId
-- plan on the profile database:
--   SEARCH runs USING INDEX sqlite_autoindex_runs_1 (id=?)
select "project_id", "audio_artifact_id", "transcript_id" from "runs" where "id" = ?;
