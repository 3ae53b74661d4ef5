/**
 * Repository functions of the talk context (talk projects, outlines, the active talk, runs) on the profile database: execute the
 * queries of `queries.ts`, map rows to domain types, check affected rows, raise typed domain
 * errors. No SQL text here.
 */
export {};
