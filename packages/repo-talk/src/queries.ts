/**
 * SQL and Kysely builders of the talk context (talk projects, outlines, the active talk, runs), defined once with `defineQuery`.
 * No execution and no mapping here; `repo.ts` does both. Not exported from the package.
 */
export {};
