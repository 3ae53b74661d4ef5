import type { DatabaseHandle, GlobalSchema, ProfileSchema, Selectable } from '@lepupitre/db-core';

/** Row types of the workspace context, derived from the generated schema: a column rename breaks the build. */
export type ProfileRow = Selectable<GlobalSchema['profiles']>;
export type GlobalSettingRow = Selectable<GlobalSchema['global_settings']>;
export type ProfileSettingRow = Selectable<ProfileSchema['profile_settings']>;
export type TalkProjectRow = Selectable<ProfileSchema['talk_projects']>;

/**
 * The codes this context raises as `DomainError`s. The first group is the previous app's
 * vocabulary, kept verbatim because the UI matches on it; the second is this context's own.
 * Driver failures are not among them: a failing statement leaves as db-core's `DbError`
 * (`DB_BUSY`, `DB_CORRUPT`, `DB_DISK_FULL`, ...), unchanged.
 */
export const WorkspaceErrorCode = {
  PROFILE_NOT_FOUND: 'profile_not_found',
  PROFILE_NAME_EXISTS: 'profile_name_exists',
  PATH_NOT_ALLOWED: 'path_not_allowed',
  PREFERENCE_KEY_INVALID: 'preference_key_invalid',
  PREFERENCE_KEY_SENSITIVE_FORBIDDEN: 'preference_key_sensitive_forbidden',
  PREFERENCE_VALUE_TOO_LARGE: 'preference_value_too_large',
  PROJECT_NOT_FOUND: 'project_not_found',

  /** A blank profile name: the previous backend stored it and the UI then failed to list profiles. */
  PROFILE_NAME_INVALID: 'profile_name_invalid',
  /** The profile folder cannot be created (a filesystem failure, the system error on `cause`). */
  PROFILE_FOLDER_CREATE_FAILED: 'profile_folder_create_failed',
  /** The deleted profile's folder cannot be moved aside (a filesystem failure, the system error on `cause`). */
  PROFILE_FOLDER_MOVE_FAILED: 'profile_folder_move_failed',
  /**
   * Found only as `cleanupError`: the undo of a failed switch was refused because the profile's
   * row no longer holds what the switch wrote (another writer changed it meanwhile).
   */
  PROFILE_SWITCH_FAILED: 'profile_switch_failed',
  /**
   * Found only as `cleanupError`: the restore after a failed folder move was refused because the
   * fallback profile's row no longer holds what the delete wrote (another writer changed it).
   */
  PROFILE_DELETE_FAILED: 'profile_delete_failed',
} as const;
export type WorkspaceErrorCode = (typeof WorkspaceErrorCode)[keyof typeof WorkspaceErrorCode];

/** `listProfiles`: databases the caller keeps open, counted on its own connection instead of a new one. */
export interface ListProfilesOptions {
  readonly heldDatabase?: (profileId: string) => DatabaseHandle | null;
}

/** An injectable clock returning the standard timestamp (`utcNow()` form, `+00:00`). */
export interface ClockOptions {
  readonly now?: () => string;
}

/** One entry of `profile_list`, in the previous app's wire shape. */
export interface ProfileSummary {
  readonly id: string;
  readonly name: string;
  readonly created_at: string;
  /** Always written by this app; older rows may hold null. */
  readonly last_opened_at: string | null;
  readonly is_active: boolean;
  /** Bytes of the regular files under the profile folder (symlinks neither counted nor followed). */
  readonly size_bytes: number;
  /** Talks other than the training project. */
  readonly talks_count: number;
}

/** `null` or absent deletes the preference. */
export type PreferenceValue = string | null | undefined;

export interface ProgressSnapshot {
  readonly project_id: string;
  readonly attempts_total: number;
  readonly feedback_ready_total: number;
  readonly streak_days: number;
  readonly weekly_target: number;
  readonly weekly_completed: number;
  readonly credits: number;
  readonly next_milestone: number;
  readonly last_attempt_at: string | null;
}

export type MascotMessageKind = 'nudge' | 'coach' | 'celebrate';

export interface MascotMessage {
  readonly id: string;
  readonly kind: MascotMessageKind;
  readonly title: string;
  readonly body: string;
  readonly cta_label: string | null;
  readonly cta_route: string | null;
}

export interface MascotMessageInput {
  readonly routeName: string;
  readonly projectId?: string | null;
  readonly locale?: string | null;
}

export type BlueprintStepId = 'define' | 'structure' | 'rehearse' | 'feedback' | 'ship';
export type FrameworkId = 'problem-solution-impact' | 'context-change-decision' | 'hook-story-proof';

export interface TalkBlueprintStep {
  readonly id: BlueprintStepId;
  readonly title: string;
  readonly done: boolean;
  readonly reward_credits: number;
  readonly cta_route: string | null;
}

export interface TalkBlueprint {
  readonly project_id: string;
  /** The stored title, untrimmed. */
  readonly project_title: string;
  readonly framework_id: FrameworkId;
  readonly framework_label: string;
  readonly framework_summary: string;
  readonly completion_percent: number;
  readonly steps: readonly TalkBlueprintStep[];
  readonly next_step_id: BlueprintStepId | null;
}
