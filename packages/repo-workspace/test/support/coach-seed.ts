import { openDatabase } from '@lepupitre/db-core';
import { profileSeeder, type ProfileSeeder } from '@lepupitre/fixtures';
import Database from 'better-sqlite3';
import { TEST_SAFEGUARDS } from '@lepupitre/testing';

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
  readonly #kit: ProfileSeeder;

  constructor(profileDbPath: string) {
    openDatabase(profileDbPath, 'profile', { safeguards: TEST_SAFEGUARDS }).db.close();
    this.#raw = new Database(profileDbPath);
    this.#raw.pragma('foreign_keys = ON');
    this.#kit = profileSeeder(this.#raw, { clock: '2026-01-01T00:00:00+00:00' });
  }

  talk(spec: TalkSpec): this {
    this.#kit.newTalk({
      id: spec.id,
      title: spec.title ?? `Talk ${spec.id}`,
      audience: spec.audience ?? null,
      goal: spec.goal ?? null,
      duration_target_sec: spec.durationTargetSec ?? null,
      stage: spec.stage ?? 'draft',
      is_training: spec.training ? 1 : 0,
    });
    return this;
  }

  outline(projectId: string, markdown: string): this {
    this.#kit.newOutline({ project_id: projectId, outline_md: markdown });
    return this;
  }

  attempt(projectId: string, createdAt: string, options: { feedback?: boolean } = {}): this {
    const id = this.#kit.nextId('att');
    const feedbackId = options.feedback ? this.#kit.newFeedback({ subject_type: 'quest_attempt', subject_id: id, created_at: createdAt }).id : null;
    this.#kit.newQuestAttempt({ id, project_id: projectId, created_at: createdAt, output_text: 'text', feedback_id: feedbackId });
    return this;
  }

  run(projectId: string, createdAt: string, options: { feedback?: boolean } = {}): this {
    const id = this.#kit.nextId('run');
    const feedbackId = options.feedback ? this.#kit.newFeedback({ subject_id: id, created_at: createdAt }).id : null;
    this.#kit.newRun({ id, project_id: projectId, created_at: createdAt, feedback_id: feedbackId });
    return this;
  }

  /** `active_state` as the talk context sets it; `dangling` writes an id no talk has, as old files may hold. */
  active(projectId: string | null, options: { dangling?: boolean } = {}): this {
    if (options.dangling) this.#raw.pragma('foreign_keys = OFF');
    this.#kit.setActiveTalk(projectId);
    if (options.dangling) this.#raw.pragma('foreign_keys = ON');
    return this;
  }

  close(): void {
    this.#kit.close();
    this.#raw.close();
  }
}
