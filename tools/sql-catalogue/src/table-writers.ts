import type { ContextPackage } from './context-packages';
import { packageQueries } from './prepared-queries';
import { writtenTable } from './written-table';

/** Who writes what, and what breaks the single-writer rule. */
export interface WriterReport {
  /** Table → the packages whose queries write it, each with the writing queries. */
  readonly writers: ReadonlyMap<string, ReadonlyMap<string, readonly string[]>>;
  /** `table "x" is written by repo-a (q1) and repo-b (q2)`: one per table with two writers. */
  readonly sharedTables: readonly string[];
  /** Writes to a table the migrated schemas do not have: the extractor misread the SQL. */
  readonly unknownTables: readonly string[];
  /** Exports with no fixed SQL, whose writes this check cannot see. */
  readonly unchecked: readonly string[];
}

/**
 * Each table has one writing context package; the others may read it. Writes come from the
 * compiled SQL of every exported PreparedQuery of each package's queries modules.
 */
export function tableWriters(packages: readonly ContextPackage[], schemaTables: ReadonlySet<string>): WriterReport {
  const writers = new Map<string, Map<string, string[]>>();
  const unknownTables: string[] = [];
  const unchecked: string[] = [];
  for (const pkg of packages) {
    const { queries, others } = packageQueries(pkg);
    unchecked.push(...others.map((other) => `${pkg.project} ${other}: not a PreparedQuery, its writes cannot be checked`));
    for (const { name, query } of queries) {
      const table = writtenTable(query.sql);
      if (table === undefined) continue;
      if (!schemaTables.has(table)) unknownTables.push(`${pkg.project} ${name} writes "${table}", which is not a table of the migrated schemas`);
      const byPackage = writers.get(table) ?? new Map<string, string[]>();
      byPackage.set(pkg.project, [...(byPackage.get(pkg.project) ?? []), name]);
      writers.set(table, byPackage);
    }
  }
  const sharedTables = [...writers]
    .filter(([, byPackage]) => byPackage.size > 1)
    .map(([table, byPackage]) => {
      const named = [...byPackage].map(([project, names]) => `${project} (${names.join(', ')})`);
      return `table "${table}" is written by ${named.slice(0, -1).join(', ')} and ${named.at(-1)}`;
    });
  return { writers, sharedTables, unknownTables, unchecked };
}
