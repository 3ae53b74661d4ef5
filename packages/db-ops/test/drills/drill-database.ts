import { PROFILE_DDL } from '@lepupitre/fixtures';
import Database from 'better-sqlite3';

/**
 * A legacy profile database — P-L1 (untracked, rollback journal) where the runs rebuild gave up
 * on a lock, so a run's audio is still NOT NULL; DDL from the fixtures — with data that every
 * migration has work on: talks to number, runs for 0005 to rebuild, orphans for 0007 to
 * normalise, and enough rows that a rebuild takes a moment.
 */
export function buildDrillDatabase(path: string, runsPerTalk = 50): void {
  const db = new Database(path);
  const ddl = PROFILE_DDL;
  db.exec(
    [
      ddl.TALK_PROJECTS_SQL,
      ddl.TALK_OUTLINES_SQL,
      ddl.QUESTS_SQL,
      ddl.ACTIVE_STATE_SQL,
      ddl.QUEST_ATTEMPTS_SQL,
      ddl.RUNS_AUDIO_NOT_NULL_SQL,
      ddl.ARTIFACTS_SQL,
      ddl.AUTO_FEEDBACK_SQL,
      ddl.FEEDBACK_NOTES_SQL,
      ddl.PEER_REVIEWS_SQL,
      ddl.CONNECTION_CONFIG_SQL,
      ddl.SYNC_STATE_SQL,
      ddl.OPLOG_SQL,
      ddl.ATTEMPTS_INDEX_SQL,
      ddl.RUNS_INDEX_SQL,
      ddl.ARTIFACTS_INDEX_SQL,
      ddl.SEED_A01_SQL,
      ddl.SEED_D01_SQL,
    ].join('\n'),
  );
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
