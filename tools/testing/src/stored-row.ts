/**
 * A stored row seen through the columns an expectation names: those columns as the row holds
 * them, plus every other column that is not NULL. So
 * `expect(rowOnColumns(row, expected)).toEqual(expected)` holds exactly when the row has the
 * expected values and nothing else set: a nullable column a later migration adds (NULL in a row
 * no code fills in) changes nothing, while a value written where the test expects none shows in
 * the diff. A named column the table does not have reads `<no such column>`.
 */
export function rowOnColumns<E extends Readonly<Record<string, unknown>>>(
  row: Readonly<Record<string, unknown>> | undefined,
  expected: E,
): Record<string, unknown> | undefined {
  if (row === undefined) return undefined;
  const seen: Record<string, unknown> = {};
  for (const column of Object.keys(expected)) seen[column] = column in row ? row[column] : '<no such column>';
  for (const [column, value] of Object.entries(row)) if (!(column in expected) && value !== null) seen[column] = value;
  return seen;
}
