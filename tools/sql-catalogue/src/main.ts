import { join } from 'node:path';
import { renderCatalogues, staleCatalogues, writeCatalogues } from './catalogue-files';
import { CONTEXT_PACKAGES } from './context-packages';
import { withRealisticDatabases } from './realistic-databases';

/**
 * `sql` writes each context package's `queries.sql`; `sql --check` fails when a committed one
 * differs from a fresh rendering, so a query, index or plan change cannot land unreviewed.
 */
export function runSqlCatalogue(root: string, check: boolean, log: (line: string) => void): boolean {
  const files = withRealisticDatabases((databases) => renderCatalogues(CONTEXT_PACKAGES, databases));
  if (!check) {
    writeCatalogues(root, files);
    for (const file of files) log(`wrote ${file.path}`);
    return true;
  }
  const stale = staleCatalogues(root, files);
  for (const message of stale) log(message);
  if (stale.length === 0) log(`${files.length} SQL catalogues are up to date`);
  return stale.length === 0;
}

if (require.main === module) {
  const root = join(__dirname, '..', '..', '..');
  process.exitCode = runSqlCatalogue(root, process.argv.includes('--check'), (line) => console.log(line)) ? 0 : 1;
}
