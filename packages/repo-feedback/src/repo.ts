/**
 * Repository functions of the feedback context (auto feedback, notes, the timeline, links to runs and attempts) on the profile database: execute the
 * queries of `queries.ts`, map rows to domain types, check affected rows, raise typed domain
 * errors. No SQL text here.
 */
export {};
