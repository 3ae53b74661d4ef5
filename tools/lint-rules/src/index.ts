import { rule as noImportCycle } from './rules/no-import-cycle';
import { rule as noSqlInCommandLayer } from './rules/no-sql-in-command-layer';
import { rule as sqliteConnectionThroughHelper } from './rules/sqlite-connection-through-helper';

/** LePupitre's own ESLint rules, as a flat-config plugin (registered as `lepupitre`). */
const plugin = {
  meta: { name: '@lepupitre/eslint-rules', version: '0.3.0' },
  rules: {
    'no-import-cycle': noImportCycle,
    'no-sql-in-command-layer': noSqlInCommandLayer,
    'sqlite-connection-through-helper': sqliteConnectionThroughHelper,
  },
};

export { noImportCycle, noSqlInCommandLayer, sqliteConnectionThroughHelper };
export default plugin;
