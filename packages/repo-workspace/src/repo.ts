/**
 * Repository functions of the workspace context (profiles, global and profile preferences) on the global and profile databases: execute the
 * queries of `queries.ts`, map rows to domain types, check affected rows, raise typed domain
 * errors. No SQL text here.
 */
export {};
