/**
 * SQL and Kysely builders of the feedback context (auto feedback, notes, the timeline, links to runs and attempts), defined once with `defineQuery`.
 * No execution and no mapping here; `repo.ts` does both. Not exported from the package.
 */
export {};
