import { rule as noSqlInCommandLayer } from './rules/no-sql-in-command-layer';

/** LePupitre's own ESLint rules, as a flat-config plugin (registered as `lepupitre`). */
const plugin = {
  meta: { name: '@lepupitre/eslint-rules', version: '0.3.0' },
  rules: {
    'no-sql-in-command-layer': noSqlInCommandLayer,
  },
};

export { noSqlInCommandLayer };
export default plugin;
