import { formatUtcTimestamp } from '@lepupitre/domain-primitives';
import type { DatabaseHandle } from '@lepupitre/db-core';
import { attemptsSince, attemptStats, recentAttemptDays } from '../queries';
import type { ClockOptions, ProgressSnapshot } from '../types';
import { clockOf } from './clock';
import { withProfileDatabase } from './profile-database';
import { resolveCoachProject } from './project-resolution';

export const WEEKLY_TARGET = 5;
const DAY_MS = 86_400_000;
/** "Weekly" is a rolling 144-hour window, not seven days and not a calendar week (docs/compatibility.md#workspace-13). */
const WEEKLY_WINDOW_MS = 6 * DAY_MS;
const STREAK_CREDIT_CAP_DAYS = 14;
const MILESTONE_STEP = 50;

/** `progress_get_snapshot`: checks the profile, opens its database, reads the snapshot. */
export function getProgressSnapshot(
  db: DatabaseHandle,
  dataDir: string,
  profileId: string,
  projectId?: string | null,
  options?: ClockOptions,
): ProgressSnapshot {
  return withProfileDatabase(db, dataDir, profileId, (profileDb) => readProgressSnapshot(profileDb, projectId, options));
}

/**
 * The snapshot on an open profile database. Counts quest attempts only (runs never count, docs/compatibility.md#workspace-15);
 * `feedback_ready_total` is every analysed attempt ever, not an unread count.
 */
export function readProgressSnapshot(profileDb: DatabaseHandle, projectId?: string | null, options?: ClockOptions): ProgressSnapshot {
  const resolved = resolveCoachProject(profileDb, projectId);
  const now = new Date(clockOf(options)());
  const stats = profileDb.get(attemptStats, { projectId: resolved });
  const attemptsTotal = stats?.total ?? 0;
  const feedbackReady = stats?.with_feedback ?? 0;
  const since = formatUtcTimestamp(new Date(now.getTime() - WEEKLY_WINDOW_MS));
  const weeklyCompleted = profileDb.get(attemptsSince, { projectId: resolved, since })?.n ?? 0;
  const days = profileDb.all(recentAttemptDays, { projectId: resolved }).map((row) => row.day);
  const streak = streakDays(days, now);
  const credits = attemptsTotal * 10 + feedbackReady * 5 + Math.min(streak, STREAK_CREDIT_CAP_DAYS) * 2;
  return {
    project_id: resolved,
    attempts_total: attemptsTotal,
    feedback_ready_total: feedbackReady,
    streak_days: streak,
    weekly_target: WEEKLY_TARGET,
    weekly_completed: weeklyCompleted,
    credits,
    next_milestone: (Math.floor(Math.max(credits, 0) / MILESTONE_STEP) + 1) * MILESTONE_STEP,
    last_attempt_at: stats?.last_at ?? null,
  };
}

/**
 * Consecutive UTC days with an attempt, counted back from the most recent one, which must be
 * today or yesterday (UTC, not the user's local day). `days` is the query's at most 90 most
 * recent distinct `YYYY-MM-DD` prefixes, newest first; a prefix that is not a calendar date is
 * dropped there, after it took its slot (docs/compatibility.md#workspace-23).
 */
export function streakDays(days: readonly string[], now: Date): number {
  const dates = days.map(calendarDayMs).filter((ms): ms is number => ms !== null);
  const first = dates[0];
  if (first === undefined) return 0;
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  if (first !== today && first !== today - DAY_MS) return 0;
  let streak = 1;
  for (let i = 1; i < dates.length && dates[i] === first - i * DAY_MS; i++) streak++;
  return streak;
}

function calendarDayMs(day: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // setUTCFullYear, unlike Date.UTC, does not map years 0-99 to 1900-1999.
  const check = new Date(0);
  check.setUTCFullYear(year, month - 1, date);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== date) return null;
  return check.getTime();
}
