/** Drills that span several contexts: real processes against one database. */
export const CONCURRENT_WRITER = require.resolve('./concurrent-writer.ts');
