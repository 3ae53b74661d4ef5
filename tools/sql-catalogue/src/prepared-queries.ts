import { PreparedQuery } from '@lepupitre/db-core';
import type { ContextPackage } from './context-packages';

/** One exported PreparedQuery of a package, with where it is defined. */
export interface NamedQuery {
  /** The module's path inside the package, e.g. `src/queries.ts`. */
  readonly module: string;
  /** The export name. */
  readonly name: string;
  readonly query: PreparedQuery<unknown, unknown>;
}

export interface PackageQueries {
  /** Every exported PreparedQuery, by module path then name, so listings never reorder. */
  readonly queries: readonly NamedQuery[];
  /**
   * Exports that are not PreparedQuery (a builder compiled per call): they have no fixed SQL,
   * so neither the catalogue nor the single-writer check can see what they run.
   */
  readonly others: readonly string[];
}

/** The same set the query-plan gates check: the PreparedQuery exports of each queries module. */
export function packageQueries(pkg: ContextPackage): PackageQueries {
  const queries: NamedQuery[] = [];
  const others: string[] = [];
  for (const module of Object.keys(pkg.queryModules).sort()) {
    const exports = pkg.queryModules[module] ?? {};
    for (const name of Object.keys(exports).sort()) {
      const value = exports[name];
      if (value instanceof PreparedQuery) queries.push({ module, name, query: value as PreparedQuery<unknown, unknown> });
      else others.push(`${module} ${name}`);
    }
  }
  return { queries, others };
}
