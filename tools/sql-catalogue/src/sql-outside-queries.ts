import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ContextPackage } from './context-packages';

/**
 * Signs that a source file builds or runs SQL itself: Kysely's `sql` template and its helpers,
 * a query builder, Kysely or the driver imported, a statement prepared or executed by text.
 */
const SQL_MARKERS: readonly RegExp[] = [
  /\bsql\s*(?:<[^`;]*>)?\s*`/,
  /\bsql\.(?:raw|ref|lit|id|table|join|val|value)\s*\(/,
  /\b(?:profile|global)QueryBuilder\b|\bcreateQueryBuilder\b/,
  /from\s+'(?:kysely|better-sqlite3)'/,
  /\.prepare\s*\(|\.exec\s*\(\s*['"`]/,
];

/**
 * Source files of a package, outside its queries modules, that hold SQL: what they run would
 * escape both the committed catalogue and the single-writer check. The architecture keeps SQL
 * in `queries.ts` files; this finds the exceptions by name.
 */
export function sqlOutsideQueries(root: string, pkg: ContextPackage): string[] {
  const queryModules = new Set(Object.keys(pkg.queryModules));
  const packageDir = join(root, pkg.root);
  return sourceFiles(join(packageDir, 'src'))
    .map((file) => relative(packageDir, file).split('\\').join('/'))
    .filter((file) => !queryModules.has(file))
    .filter((file) => SQL_MARKERS.some((marker) => marker.test(readFileSync(join(packageDir, file), 'utf8'))))
    .map((file) => `${pkg.root}/${file} builds or runs SQL outside the package's queries modules`);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return sourceFiles(path);
      return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
    });
}
