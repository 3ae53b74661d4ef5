import type { RealisticOptions } from '../src/realistic-databases';

/** The realistic databases at their smallest: enough for the migrated schemas, quick to build. */
export const TINY: RealisticOptions = { profiles: 1, sizes: { talks: 1, runsPerTalk: 1, attemptsPerTalk: 1 } };
