/**
 * SQL and Kysely builders of the quest context (the quest catalogue, the daily quest, attempts), defined once with `defineQuery`.
 * No execution and no mapping here; `repo.ts` does both. Not exported from the package.
 */
export {};
