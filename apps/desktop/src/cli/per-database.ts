import type { DatabaseTarget } from './database-target';
import type { CommandOutcome } from './output';
import { toSafeError, type SafeError } from './safe-error';

/** One database's line in a command's outcome. */
export type DatabaseEntry<T> =
  | { readonly target: DatabaseTarget; readonly ok: true; readonly result: T; readonly problem: SafeError | null }
  | { readonly target: DatabaseTarget; readonly ok: false; readonly error: SafeError };

/**
 * Runs the work on every database, each on its own: a failure is recorded on its entry and
 * the next database is still processed. `problem` lets a successful read report a refusal
 * (a status whose continuity is broken) that makes the command as a whole not ok.
 */
export function forEachDatabase<T>(
  targets: readonly DatabaseTarget[],
  work: (target: DatabaseTarget) => T,
  problemOf: (result: T) => SafeError | null = () => null,
): DatabaseEntry<T>[] {
  return targets.map((target) => {
    try {
      const result = work(target);
      const problem = problemOf(result);
      return { target, ok: true, result, problem };
    } catch (error) {
      return { target, ok: false, error: toSafeError(error) };
    }
  });
}

/** The outcome of a per-database command: ok only when every database is; error = the first failure. */
export function summarize<T>(
  command: string,
  entries: readonly DatabaseEntry<T>[],
  toJson: (result: T) => Record<string, unknown>,
  text: readonly string[],
): CommandOutcome {
  const failures = entries.map((e) => (e.ok ? e.problem : e.error)).filter((e): e is SafeError => e !== null);
  const databases = entries.map((entry) => ({
    database: entry.target.label,
    scope: entry.target.scope,
    ...(entry.target.profileName === undefined ? {} : { profileName: entry.target.profileName }),
    ...(entry.ok ? { ok: entry.problem === null, ...toJson(entry.result) } : { ok: false, error: entry.error }),
  }));
  return { ok: failures.length === 0, error: failures[0] ?? null, fields: { command, databases }, text };
}
