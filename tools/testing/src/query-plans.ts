import { PreparedQuery } from '@lepupitre/db-core';
import Database from 'better-sqlite3';

/** Tables whose row count grows with use: a full scan of one gets slower every week. */
export const GROWING_PROFILE_TABLES = [
  'talk_projects',
  'talk_outlines',
  'runs',
  'quest_attempts',
  'auto_feedback',
  'feedback_notes',
  'artifacts',
  'peer_reviews',
] as const;

export const GROWING_GLOBAL_TABLES = ['profiles'] as const;

export interface PlanFinding {
  readonly query: string;
  readonly sql: string;
  readonly plan: readonly string[];
  /** The full scans of growing tables found in the plan, e.g. `SCAN runs`. */
  readonly scans: readonly string[];
}

export interface PlanGateOptions {
  readonly growingTables: readonly string[];
  /** Query name → why a full scan is acceptable there (a diagnostics sweep, a bounded table). */
  readonly allowlist?: Readonly<Record<string, string>>;
}

export interface PlanGateResult {
  /** Every query checked, with its plan: printed by the gate so reviewers see the plans. */
  readonly checked: readonly PlanFinding[];
  /** Full scans of growing tables outside the allowlist. */
  readonly violations: readonly PlanFinding[];
  /** Allowlist entries that name no query, or a query that no longer scans: stale reasons. */
  readonly staleAllowances: readonly string[];
}

/**
 * Runs `EXPLAIN QUERY PLAN` for every PreparedQuery exported by a `queries.ts` module, on a
 * database holding realistic data, and flags each full scan of a growing table. A scan is a
 * `SCAN <table>` step, with or without an index: walking a whole index is as slow to grow.
 */
export function checkQueryPlans(
  databasePath: string,
  queries: Readonly<Record<string, unknown>>,
  options: PlanGateOptions,
): PlanGateResult {
  const db = new Database(databasePath, { readonly: true, fileMustExist: true });
  const allowlist = options.allowlist ?? {};
  const checked: PlanFinding[] = [];
  try {
    for (const [name, value] of Object.entries(queries)) {
      if (!(value instanceof PreparedQuery)) continue;
      const stmt = db.prepare(`EXPLAIN QUERY PLAN ${value.sql}`);
      const params = new Array<null>(countParameters(value.sql)).fill(null);
      const plan = (stmt.all(...params) as { detail: string }[]).map((row) => row.detail);
      const aliases = tableAliases(value.sql);
      const scans = plan.filter((detail) => {
        const match = /^SCAN (?:TABLE )?"?(\w+)"?/.exec(detail);
        if (match === null) return false;
        const name = match[1] as string;
        return options.growingTables.includes(aliases.get(name) ?? name);
      });
      checked.push({ query: name, sql: value.sql, plan, scans });
    }
  } finally {
    db.close();
  }
  const violations = checked.filter((f) => f.scans.length > 0 && !(f.query in allowlist));
  const scanning = new Set(checked.filter((f) => f.scans.length > 0).map((f) => f.query));
  const staleAllowances = Object.keys(allowlist).filter((name) => !scanning.has(name));
  return { checked, violations, staleAllowances };
}

/**
 * `EXPLAIN QUERY PLAN` names a table by its alias when it has one (`SCAN qa`), so a scan of an
 * aliased growing table would pass unnoticed without this map. Kysely quotes every identifier:
 * `from "quest_attempts" as "qa"`.
 */
function tableAliases(sql: string): Map<string, string> {
  const aliases = new Map<string, string>();
  for (const match of sql.matchAll(/\b(?:from|join)\s+"(\w+)"\s+(?:as\s+)?"(\w+)"/gi)) {
    aliases.set(match[2] as string, match[1] as string);
  }
  return aliases;
}

function countParameters(sql: string): number {
  // Kysely compiles every parameter to a bare `?`; string literals in queries.ts never hold one.
  return (sql.replace(/'(?:[^']|'')*'/g, '').match(/\?/g) ?? []).length;
}
