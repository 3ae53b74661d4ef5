import { openDatabase } from '@lepupitre/db-core';
import Database from 'better-sqlite3';

export interface TalkSpec {
  readonly id: string;
  readonly title?: string;
  readonly audience?: string | null;
  readonly goal?: string | null;
  readonly durationTargetSec?: number | null;
  readonly stage?: string;
  readonly training?: boolean;
}

/**
 * Rows of the talk and quest contexts in a profile database, written directly as those contexts
 * would leave them: the coach read models only read them.
 */
export class CoachSeed {
  readonly #raw: Database.Database;
  #n = 0;

  constructor(profileDbPath: string) {
    openDatabase(profileDbPath, 'profile').db.close();
    this.#raw = new Database(profileDbPath);
    this.#raw.pragma('foreign_keys = ON');
  }

  talk(spec: TalkSpec): this {
    const training = spec.training ?? false;
    this.#raw
      .prepare(
        'INSERT INTO talk_projects (id, title, audience, goal, duration_target_sec, talk_number, stage, created_at, updated_at, is_training) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        spec.id,
        spec.title ?? `Talk ${spec.id}`,
        spec.audience ?? null,
        spec.goal ?? null,
        spec.durationTargetSec ?? null,
        training ? null : ++this.#n,
        spec.stage ?? 'draft',
        '2026-01-01T00:00:00+00:00',
        '2026-01-01T00:00:00+00:00',
        training ? 1 : 0,
      );
    return this;
  }

  outline(projectId: string, markdown: string): this {
    this.#raw.prepare('INSERT INTO talk_outlines (project_id, outline_md, created_at, updated_at) VALUES (?, ?, ?, ?)').run(
      projectId,
      markdown,
      '2026-01-01T00:00:00+00:00',
      '2026-01-01T00:00:00+00:00',
    );
    return this;
  }

  attempt(projectId: string, createdAt: string, options: { feedback?: boolean } = {}): this {
    const id = `att_${++this.#n}`;
    const feedbackId = options.feedback ? this.feedback('quest_attempt', id, createdAt) : null;
    this.#raw
      .prepare("INSERT INTO quest_attempts (id, project_id, quest_code, created_at, output_text, feedback_id) VALUES (?, ?, 'FREE', ?, 'text', ?)")
      .run(id, projectId, createdAt, feedbackId);
    return this;
  }

  run(projectId: string, createdAt: string, options: { feedback?: boolean } = {}): this {
    const id = `run_${++this.#n}`;
    const feedbackId = options.feedback ? this.feedback('run', id, createdAt) : null;
    this.#raw.prepare('INSERT INTO runs (id, project_id, created_at, feedback_id) VALUES (?, ?, ?, ?)').run(id, projectId, createdAt, feedbackId);
    return this;
  }

  /** `active_state` as the talk context sets it; `dangling` writes an id no talk has, as old files may hold. */
  active(projectId: string | null, options: { dangling?: boolean } = {}): this {
    if (options.dangling) this.#raw.pragma('foreign_keys = OFF');
    this.#raw.prepare('INSERT OR REPLACE INTO active_state (id, active_project_id) VALUES (1, ?)').run(projectId);
    if (options.dangling) this.#raw.pragma('foreign_keys = ON');
    return this;
  }

  close(): void {
    this.#raw.close();
  }

  private feedback(subjectType: string, subjectId: string, createdAt: string): string {
    const n = ++this.#n;
    const artifactId = `art_${n}`;
    const feedbackId = `fb_${n}`;
    this.#raw
      .prepare("INSERT INTO artifacts (id, type, local_relpath, sha256, bytes, created_at, metadata_json) VALUES (?, 'feedback', ?, ?, 10, ?, '{}')")
      .run(artifactId, `artifacts/feedback/${artifactId}.json`, `sha_${n}`, createdAt);
    this.#raw
      .prepare('INSERT INTO auto_feedback (id, subject_type, subject_id, created_at, feedback_json_artifact_id, overall_score) VALUES (?, ?, ?, ?, ?, 70)')
      .run(feedbackId, subjectType, subjectId, createdAt, artifactId);
    return feedbackId;
  }
}
