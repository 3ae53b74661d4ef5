/**
 * Repository functions of the pack context (peer reviews, pack export, inspect and import) on the profile database: execute the
 * queries of `queries.ts`, map rows to domain types, check affected rows, raise typed domain
 * errors. No SQL text here.
 */
export {};
