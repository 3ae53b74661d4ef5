import type Database from 'better-sqlite3';

interface PlanRow {
  readonly id: number;
  readonly parent: number;
  readonly detail: string;
}

/**
 * `EXPLAIN QUERY PLAN` of a statement as the indented tree the sqlite3 shell prints, so the
 * steps of a compound query or a co-routine stay under the step they belong to. Every
 * parameter is bound to NULL, as the plan gate binds them: the plan is chosen before values.
 */
export function explainQueryPlan(db: Database.Database, sql: string, parameterCount: number): string[] {
  const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...new Array<null>(parameterCount).fill(null)) as PlanRow[];
  const depth = new Map<number, number>([[0, -1]]);
  return rows.map((row) => {
    const level = (depth.get(row.parent) ?? -1) + 1;
    depth.set(row.id, level);
    return `${'  '.repeat(level)}${row.detail}`;
  });
}
