/**
 * Repository functions of the pack context (peer reviews, pack export, inspect and import) on the profile database: execute the
 * queries of `queries.ts`, map rows to domain types, check affected rows, raise typed domain
 * errors. No SQL text here.
 */
export { PackErrorCode, PackArchiveError, isPackArchiveError, type PackErrorCodeValue } from './pack-errors';
export { PACK_LIMITS } from './pack-limits';
export { PACK_SCHEMA_VERSION } from './pack-manifest';
export { readPackArchive, readPeerReviewPack, inspectPack } from './pack-reader';
export { exportPack, type PackExportOptions } from './pack-export';
export {
  storePeerReviewSources,
  recordPeerReview,
  peerReviewProjectTitle,
  PEER_REVIEW_STAGE,
  type PeerReviewWriteOptions,
} from './peer-review-import';
export { listPeerReviews, getPeerReview } from './peer-reviews';
