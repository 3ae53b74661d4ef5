import type { DatabaseScope, Migration } from '@lepupitre/db-core';
import type { DocFinding } from '@lepupitre/testing';
import { tableRows } from './markdown-table';

export const MIGRATIONS_DOC = 'docs/migrations.md';

export type MigrationHistories = Readonly<Record<DatabaseScope, readonly Pick<Migration, 'id'>[]>>;

/**
 * Every migration of both histories that no table row of the migrations doc lists. A row lists a
 * migration when its first cell is the migration's scope and another cell holds the id in
 * backticks: both histories start at `0001_init`, so an id alone would not say which one a row
 * is about.
 */
export function undocumentedMigrations(markdown: string, histories: MigrationHistories): DocFinding[] {
  const rows = tableRows(markdown);
  const findings: DocFinding[] = [];
  for (const [scope, migrations] of Object.entries(histories)) {
    const scopeRows = rows.filter(([first]) => first === scope);
    for (const { id } of migrations) {
      if (scopeRows.some((cells) => cells.slice(1).some((cell) => cell.includes(`\`${id}\``)))) continue;
      findings.push({
        doc: MIGRATIONS_DOC,
        problem: `${scope} migration \`${id}\` is missing`,
        fix: `add a row for it under "## The histories": \`${scope}\` in the first cell, the id in backticks in the second, what it does in the third`,
      });
    }
  }
  return findings;
}
