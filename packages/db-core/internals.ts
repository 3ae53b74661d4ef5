/** Entry point of `@lepupitre/db-core/internals` (see `src/internals.ts`). */
export * from './src/internals';
