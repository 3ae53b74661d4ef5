import Database from 'better-sqlite3';
import type { ContextPackage } from './context-packages';
import { packageQueries, type NamedQuery } from './prepared-queries';
import { explainQueryPlan } from './query-plan';
import { describeParameters, parameterSlots } from './query-parameters';
import { queryScope } from './query-scope';
import { SCOPES, type RealisticDatabases, type Scope } from './realistic-databases';

export const REGENERATE_COMMAND = 'npx nx run sql-catalogue:sql';

/**
 * The committed SQL of one context package: each exported PreparedQuery with its parameters,
 * the plan SQLite chooses on the realistic database of its scope (the data the plan gates use),
 * and its SQL text. Nothing in it depends on the machine or the moment, so a change to a query, an
 * index or the data shape shows as a plain diff in review.
 */
export function renderCatalogue(pkg: ContextPackage, databases: RealisticDatabases): string {
  const { queries, others } = packageQueries(pkg);
  const plans = plansOf(queries, databases);
  const modules = Object.keys(pkg.queryModules).sort();
  const lines = [
    `-- The SQL of ${pkg.root}: every PreparedQuery exported by ${modules.join(', ')},`,
    '-- with its parameters and its EXPLAIN QUERY PLAN on the realistic database of its scope',
    '-- (@lepupitre/testing). Reviewers read the plan diffs here.',
    `-- Generated, do not edit: regenerate with \`${REGENERATE_COMMAND}\`.`,
  ];
  for (const named of queries) {
    const { scope, plan } = plans.get(named) as QueryPlan;
    lines.push(
      '',
      `-- ${modules.length > 1 ? `${named.module} ` : ''}${named.name}`,
      `-- parameters: ${describeParameters(parameterSlots(named.query))}`,
      plan.length > 0 ? `-- plan on the ${scope} database:` : `-- plan on the ${scope} database: no step (nothing is read)`,
      ...plan.map((step) => `--   ${step}`),
      `${named.query.sql};`,
    );
  }
  for (const other of others) lines.push('', `-- ${other}: not a PreparedQuery, compiled per call: no fixed SQL to list`);
  return `${lines.join('\n')}\n`;
}

interface QueryPlan {
  readonly scope: Scope;
  readonly plan: readonly string[];
}

function plansOf(queries: readonly NamedQuery[], databases: RealisticDatabases): Map<NamedQuery, QueryPlan> {
  const plans = new Map<NamedQuery, QueryPlan>();
  for (const scope of SCOPES) {
    const db = new Database(databases.path[scope], { readonly: true, fileMustExist: true });
    try {
      for (const named of queries.filter((q) => queryScope(q.query.sql, databases) === scope)) {
        plans.set(named, { scope, plan: explainQueryPlan(db, named.query.sql, parameterSlots(named.query).length) });
      }
    } finally {
      db.close();
    }
  }
  return plans;
}
