/**
 * Guards against kysely-codegen's silent failures: pointed at a missing file it creates an
 * empty database and generates nothing, and a column type it does not know becomes `unknown`.
 * Either would compile and quietly weaken every repository's types.
 */
export function findSchemaProblems(generated: string, expectedTables: readonly string[]): string[] {
  const problems: string[] = [];
  const interfaces = new Map<string, string>();
  for (const match of generated.matchAll(/export interface (\w+) \{([^}]*)\}/g)) {
    interfaces.set(match[1] as string, match[2] as string);
  }
  const db = interfaces.get('DB');
  if (!db) return ['no DB interface was generated'];
  const mapped = new Map<string, string>();
  for (const line of db.split('\n')) {
    const entry = /^\s*"?(\w+)"?: (\w+);/.exec(line);
    if (entry) mapped.set(entry[1] as string, entry[2] as string);
  }
  for (const table of expectedTables) {
    if (!mapped.has(table)) problems.push(`table ${table} is missing from the generated types`);
  }
  for (const [table, typeName] of mapped) {
    const body = interfaces.get(typeName);
    const columns = body?.split('\n').filter((l) => /^\s*\w+\??:/.test(l)) ?? [];
    if (columns.length === 0) problems.push(`table ${table} was generated with no columns`);
    for (const column of columns) {
      if (/\bunknown\b/.test(column)) problems.push(`column ${table}.${column.trim()} maps to unknown`);
    }
  }
  if (/\bany\b/.test(generated.replace(/\/\/.*$/gm, ''))) problems.push('a generated type maps to any');
  return problems;
}
