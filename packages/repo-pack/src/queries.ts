/**
 * SQL and Kysely builders of the pack context (peer reviews, pack export, inspect and import), defined once with `defineQuery`.
 * No execution and no mapping here; `repo.ts` does both. Not exported from the package.
 */
export {};
