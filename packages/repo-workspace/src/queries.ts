/**
 * SQL and Kysely builders of the workspace context (profiles, global and profile preferences), defined once with `defineQuery`.
 * No execution and no mapping here; `repo.ts` does both. Not exported from the package.
 */
export {};
