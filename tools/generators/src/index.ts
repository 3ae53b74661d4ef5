/** The workspace's Nx generators (generators.json), exported for their tests. */
export { default as migrationGenerator, type MigrationGeneratorOptions } from './migration/generator';
export { default as contextGenerator, type ContextGeneratorOptions } from './context/generator';
