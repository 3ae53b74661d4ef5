import Database from 'better-sqlite3';

/**
 * A legacy profile database (shape of v0.1.1..v0.2.4, untracked, rollback journal) with data
 * that every migration has work on: talks to number, runs whose audio is still NOT NULL
 * (0005 rebuilds), orphans for 0007 to normalise, and enough rows that a rebuild takes a
 * moment.
 */
export function buildDrillDatabase(path: string, runsPerTalk = 50): void {
  const db = new Database(path);
  db.exec(`
    CREATE TABLE talk_projects (id TEXT PRIMARY KEY, title TEXT NOT NULL, audience TEXT, goal TEXT, duration_target_sec INTEGER, talk_number INTEGER, stage TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
    CREATE TABLE talk_outlines (project_id TEXT PRIMARY KEY, outline_md TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
    CREATE TABLE quests (code TEXT PRIMARY KEY, title TEXT NOT NULL, category TEXT NOT NULL, estimated_sec INTEGER NOT NULL, prompt TEXT NOT NULL, output_type TEXT NOT NULL, targets_issues_json TEXT NOT NULL);
    CREATE TABLE active_state (id INTEGER PRIMARY KEY CHECK (id = 1), active_project_id TEXT);
    CREATE TABLE quest_attempts (id TEXT PRIMARY KEY, project_id TEXT NOT NULL, quest_code TEXT NOT NULL, created_at TEXT NOT NULL, output_text TEXT, audio_artifact_id TEXT, transcript_id TEXT, feedback_id TEXT);
    CREATE TABLE runs (id TEXT PRIMARY KEY, project_id TEXT NOT NULL, created_at TEXT NOT NULL, audio_artifact_id TEXT NOT NULL, transcript_id TEXT, feedback_id TEXT);
    CREATE TABLE artifacts (id TEXT PRIMARY KEY, type TEXT NOT NULL, local_relpath TEXT NOT NULL, sha256 TEXT NOT NULL, bytes INTEGER NOT NULL, created_at TEXT NOT NULL, metadata_json TEXT NOT NULL);
    CREATE TABLE auto_feedback (id TEXT PRIMARY KEY, subject_type TEXT NOT NULL, subject_id TEXT NOT NULL, created_at TEXT NOT NULL, feedback_json_artifact_id TEXT NOT NULL, overall_score INTEGER NOT NULL);
    CREATE TABLE feedback_notes (feedback_id TEXT PRIMARY KEY, note_text TEXT NOT NULL, updated_at TEXT NOT NULL);
    CREATE TABLE peer_reviews (id TEXT PRIMARY KEY, run_id TEXT NOT NULL, created_at TEXT NOT NULL, reviewer_tag TEXT, review_json_artifact_id TEXT NOT NULL);
    CREATE TABLE connection_config (profile_id TEXT PRIMARY KEY, server_base_url TEXT, api_key_ref TEXT, remote_user_id TEXT, sync_enabled INTEGER NOT NULL DEFAULT 0, remote_stt_enabled INTEGER NOT NULL DEFAULT 0, last_sync_at TEXT, last_error TEXT, schema_version INTEGER NOT NULL DEFAULT 1);
    CREATE TABLE sync_state (profile_id TEXT PRIMARY KEY, cursor TEXT, last_full_sync_at TEXT);
    CREATE TABLE oplog (id TEXT PRIMARY KEY, ts TEXT NOT NULL, op_type TEXT NOT NULL, entity TEXT NOT NULL, entity_id TEXT NOT NULL, payload_json TEXT NOT NULL, sent INTEGER NOT NULL DEFAULT 0);
    CREATE INDEX idx_attempts_project_time ON quest_attempts(project_id, created_at);
    CREATE INDEX idx_runs_project_time ON runs(project_id, created_at);
    CREATE INDEX idx_artifacts_sha ON artifacts(sha256);
    INSERT INTO quests VALUES ('A01','Goal Sentence','start',180,'À la fin, ils sauront ___ pour ___.','text','["no_start","unclear_goal"]');
    INSERT INTO quests VALUES ('D01','Intro 45s','delivery',180,'Enregistre une intro 45s : promesse + plan.','audio','["weak_intro","fillers","pace"]');
  `);
  const hex = (n: number): string => n.toString(16).padStart(32, '0');
  const talk = db.prepare('INSERT INTO talk_projects VALUES (?, ?, NULL, NULL, 600, ?, ?, ?, ?)');
  const artifact = db.prepare("INSERT INTO artifacts VALUES (?, 'audio', ?, ?, 1024, ?, '{}')");
  const run = db.prepare('INSERT INTO runs VALUES (?, ?, ?, ?, NULL, ?)');
  const feedback = db.prepare("INSERT INTO auto_feedback VALUES (?, 'run', ?, ?, ?, 70)");
  db.transaction(() => {
    for (let t = 0; t < 10; t++) {
      const at = `2026-02-22T10:00:${String(t).padStart(2, '0')}.123456789+00:00`;
      talk.run(`proj_${hex(t)}`, `Talk ${t}`, t % 3 === 0 ? null : t, 'draft', at, at);
      for (let r = 0; r < runsPerTalk; r++) {
        const n = t * 1000 + r;
        const runAt = `2026-02-23T${String(r % 24).padStart(2, '0')}:00:00.${String(n).padStart(6, '0')}+00:00`;
        artifact.run(`art_${hex(n)}`, `runs/${n}.wav`, hex(n), runAt);
        artifact.run(`art_${hex(n + 500_000)}`, `feedback/${n}.json`, hex(n), runAt);
        feedback.run(`fb_${hex(n)}`, `run_${hex(n)}`, runAt, `art_${hex(n + 500_000)}`);
        run.run(`run_${hex(n)}`, `proj_${hex(t)}`, runAt, `art_${hex(n)}`, r % 2 ? `fb_${hex(n)}` : `fb_missing_${n}`);
      }
    }
    db.exec(`
      INSERT INTO runs VALUES ('run_orphan', 'proj_gone', '2026-02-23T00:00:00+00:00', 'art_missing', NULL, NULL);
      INSERT INTO quest_attempts VALUES ('att_orphan', 'proj_gone', 'A01', '2026-02-23T00:00:00+00:00', 'x', NULL, NULL, NULL);
      INSERT INTO talk_outlines VALUES ('proj_gone', '# gone', '2026-02-23T00:00:00+00:00', '2026-02-23T00:00:00+00:00');
      INSERT INTO active_state VALUES (1, 'proj_gone');
    `);
  })();
  db.close();
}

/** Every row of every table, in key order, without the tracking table's timestamps. */
export function dumpContent(path: string): Record<string, unknown[]> {
  const db = new Database(path, { readonly: true });
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .pluck()
      .all() as string[];
    const dump: Record<string, unknown[]> = {};
    for (const table of tables) {
      const columns = table === 'schema_migrations' ? 'version, checksum' : '*';
      dump[table] = db.prepare(`SELECT ${columns} FROM "${table}" ORDER BY 1`).all();
    }
    dump['sqlite_master'] = db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name").all();
    return dump;
  } finally {
    db.close();
  }
}
