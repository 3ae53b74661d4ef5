import type { ProfileSchema, Selectable } from '@lepupitre/db-core';

/** Row types of the pack context, derived from the generated schema: a column rename breaks the build. */
export type PeerReviewRow = Selectable<ProfileSchema['peer_reviews']>;
