import { DomainError, trimUnicodeWhiteSpace } from '@lepupitre/domain-primitives';
import { TalkErrorCode, type ProjectCreateInput, type ProjectUpdateInput } from '../types';
import { scalarLength, truncateScalars } from './text-rules';

export const TITLE_MAX = 120;
export const AUDIENCE_MAX = 240;
export const GOAL_MAX = 1000;

export interface ProjectFields {
  readonly title: string;
  readonly audience: string | null;
  readonly goal: string | null;
  readonly durationTargetSec: number | null;
}

/**
 * The previous app's `project_update` rules, in its order (first failure wins). Creation uses
 * the same rules: the previous app stored create payloads unchecked, so a whitespace-only title
 * or a negative duration could be created but never saved again.
 */
export function normalizeProjectFields(input: ProjectCreateInput): ProjectFields {
  const title = trimUnicodeWhiteSpace(input.title);
  if (title === '') throw new DomainError(TalkErrorCode.PROJECT_TITLE_REQUIRED);
  if (scalarLength(title) > TITLE_MAX) throw new DomainError(TalkErrorCode.PROJECT_TITLE_TOO_LONG);
  return {
    title,
    ...optionalTexts(input),
    durationTargetSec: duration(input.duration_target_sec),
  };
}

export function normalizeProjectUpdate(input: ProjectUpdateInput): ProjectFields & { readonly stage: string } {
  const title = trimUnicodeWhiteSpace(input.title);
  if (title === '') throw new DomainError(TalkErrorCode.PROJECT_TITLE_REQUIRED);
  if (scalarLength(title) > TITLE_MAX) throw new DomainError(TalkErrorCode.PROJECT_TITLE_TOO_LONG);
  const stage = trimUnicodeWhiteSpace(input.stage);
  if (stage === '') throw new DomainError(TalkErrorCode.PROJECT_STAGE_REQUIRED);
  return { title, stage, ...optionalTexts(input), durationTargetSec: duration(input.duration_target_sec) };
}

function optionalTexts(input: ProjectCreateInput): { audience: string | null; goal: string | null } {
  return { audience: optionalText(input.audience, AUDIENCE_MAX), goal: optionalText(input.goal, GOAL_MAX) };
}

/** Trimmed; empty becomes NULL; too long is cut silently, as the previous app did. */
function optionalText(value: string | null | undefined, max: number): string | null {
  if (value === undefined || value === null) return null;
  const trimmed = trimUnicodeWhiteSpace(value);
  return trimmed === '' ? null : truncateScalars(trimmed, max);
}

/** Seconds, a positive integer, or NULL. A fraction is refused rather than rounded. */
function duration(value: number | null | undefined): number | null {
  if (value === undefined || value === null) return null;
  if (!Number.isSafeInteger(value) || value <= 0) throw new DomainError(TalkErrorCode.PROJECT_DURATION_INVALID);
  return value;
}
