/**
 * Repository functions of the quest context (the quest catalogue, the daily quest, attempts) on the profile database: execute the
 * queries of `queries.ts`, map rows to domain types, check affected rows, raise typed domain
 * errors. No SQL text here.
 */
export {};
