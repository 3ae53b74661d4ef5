import { EXPECTED_OUTCOME_FILES, type DatabaseFixture } from '@lepupitre/fixtures';
import type { DatabaseScope } from '@lepupitre/db-core';
import { freshSchema } from './matrix-support';

/**
 * How the matrix compares the rows of an upgraded file with the rows an expectation states,
 * so that a column a later migration adds (nullable, no back-fill) changes nothing here:
 * - the columns of a table are those of the same table in a database this app creates from
 *   nothing (`freshSchema`), never a list written out: a new column is on both sides;
 * - an expected row names the columns it means, and each must hold exactly its value (the
 *   actual row is compared on those keys only);
 * - every other column must read NULL: what the whole-row comparison used to check (nothing
 *   else filled in), without naming the columns no expectation knows of.
 */

type Rows = readonly Readonly<Record<string, unknown>>[];

/** Where a comparison's expectation is written, for the failure message. */
export interface ExpectationSource {
  /** What the rows belong to, such as `fixture P-L2`. */
  readonly subject: string;
  /** The file that states the expected rows, from the repository root. */
  readonly file: string;
}

export function fixtureExpectation(fixture: DatabaseFixture<unknown>): ExpectationSource {
  return { subject: `fixture ${fixture.name}`, file: EXPECTED_OUTCOME_FILES[fixture.scope] };
}

/**
 * Runs `fn`; an assertion failing inside it fails with its message prefixed by
 * `<subject>: expected outcome in <file>: `.
 */
export function withExpectation<T>(source: ExpectationSource, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof Error) {
      // Jest prints the message; the stack, which repeats the original one, is left as it is.
      error.message = `${source.subject}: expected outcome in ${source.file}: ${error.message}`;
    }
    throw error;
  }
}

/** The table's columns in a database migrated by the current code, in order. */
export function migratedColumns(scope: DatabaseScope, table: string): string[] {
  const shape = freshSchema(scope).tables[table];
  if (!shape) throw new Error(`no table ${table} in a new ${scope} database`);
  return shape.columns.map((c) => c.name);
}

/**
 * `actual` (every column, in the order of `expected`) holds the rows `expected` states, with
 * the rules above. `key` names a row in the messages.
 */
export function expectRows(scope: DatabaseScope, table: string, key: string, actual: Rows, expected: Rows): void {
  const columns = migratedColumns(scope, table);

  // Every row read has the migrated table's columns; every expected row names only those.
  const shapes = actual.map((row) => Object.keys(row)).filter((names) => names.join() !== columns.join());
  expect({ table, columnsRead: shapes }).toEqual({ table, columnsRead: [] });
  const unknown = expected.flatMap((row) => Object.keys(row).filter((c) => !columns.includes(c)).map((column) => ({ [key]: row[key], column })));
  expect({ table, expectedColumnsNotInTable: unknown }).toEqual({ table, expectedColumnsNotInTable: [] });

  // The named columns, row for row.
  const projected = actual.map((row, i) => {
    const named = expected[i];
    return named ? Object.fromEntries(Object.keys(named).map((c) => [c, row[c]])) : row;
  });
  expect({ table, rows: projected }).toEqual({ table, rows: expected });

  // Nothing in the columns no expected row names.
  const filled = actual.flatMap((row, i) => {
    const named = expected[i] ?? {};
    return columns.filter((c) => !(c in named) && row[c] !== null).map((column) => ({ [key]: row[key], column, value: row[column] }));
  });
  expect({ table, unnamedColumnsNotNull: filled }).toEqual({ table, unnamedColumnsNotNull: [] });
}
