import { ArtifactErrorCode } from '@lepupitre/db-core';
import { DomainError, TranscriptErrorCode } from '@lepupitre/domain-primitives';

/**
 * Error codes of the pack context. The previous app's stable codes are kept verbatim; where it
 * returned `<prefix>: <driver or OS message>`, the code named in the comment replaces it (the
 * detail never reaches the UI: it could reveal paths or whether a file exists).
 */
export const PackErrorCode = {
  // Opening the archive
  /** was `pack_stat: …` */
  STAT_FAILED: 'pack_stat_failed',
  /** was `pack_open: …`; also a path that is not a regular file (a FIFO, a device, a folder) */
  OPEN_FAILED: 'pack_open_failed',
  /** was `pack_zip: …` (no end of central directory, unreadable central directory) */
  NOT_A_ZIP: 'pack_not_a_zip',
  /** was `pack_zip: …` / `pack_read: …` when the file ends early */
  TRUNCATED: 'pack_truncated',
  /** new: more entries than a pack can need */
  TOO_MANY_ENTRIES: 'pack_too_many_entries',
  /** new: the end record and the central directory disagree (records it does not list) */
  CENTRAL_DIRECTORY_MISMATCH: 'pack_central_directory_mismatch',
  /** new: the entries one import reads add up past its budget */
  TOO_LARGE: 'pack_too_large',
  // Entries
  /** was `pack_entry: …` (encryption, unsupported compression, bad local header) */
  ENTRY_UNREADABLE: 'pack_entry_unreadable',
  INVALID_PATH: 'pack_invalid_path',
  SYMLINK_REJECTED: 'pack_symlink_rejected',
  ENTRY_TOO_LARGE: 'pack_entry_too_large',
  /** new: inflates too far beyond the compressed bytes it consumed (zip bomb) */
  ENTRY_OVERCOMPRESSED: 'pack_entry_overcompressed',
  /** new: two entries with the same name, also after folding case and slashes */
  DUPLICATE_ENTRY: 'pack_duplicate_entry',
  /** new: an entry's local header names another file than its central directory record */
  ENTRY_NAME_MISMATCH: 'pack_entry_name_mismatch',
  /** new: an entry inflates to another size than its central directory declares */
  ENTRY_SIZE_MISMATCH: 'pack_entry_size_mismatch',
  /** was `pack_read: …` (corrupt deflate data, CRC mismatch) */
  READ_FAILED: 'pack_read_failed',
  /** was `pack_missing_file: …` */
  MISSING_FILE: 'pack_missing_file',
  // Manifest and content
  /** was `manifest_parse: …` (not JSON, or not the manifest's shape) */
  MANIFEST_PARSE_FAILED: 'manifest_parse_failed',
  MANIFEST_SCHEMA_MISMATCH: 'manifest_schema_mismatch',
  MANIFEST_DUPLICATE_ROLE: 'manifest_duplicate_role',
  /** new: two roles name one entry (it would be read, and stored, once per role) */
  MANIFEST_DUPLICATE_PATH: 'manifest_duplicate_path',
  MANIFEST_MISSING_AUDIO: 'manifest_missing_audio',
  MANIFEST_MISSING_TRANSCRIPT: 'manifest_missing_transcript',
  MANIFEST_MISSING_OUTLINE: 'manifest_missing_outline',
  MANIFEST_MISSING_RUBRIC: 'manifest_missing_rubric',
  MANIFEST_MISSING_REVIEW: 'manifest_missing_review',
  SIZE_MISMATCH: 'pack_size_mismatch',
  SHA_MISMATCH: 'pack_sha_mismatch',
  /** new: the audio file is not a WAV the audio import would take (reason: the WAV reader's code) */
  AUDIO_INVALID: 'pack_audio_invalid',
  /** was `review_parse: …` */
  REVIEW_PARSE_FAILED: 'review_parse_failed',
  /** new: the review is larger, deeper or longer than a review can need (import and read-back) */
  REVIEW_LIMIT_EXCEEDED: 'review_limit_exceeded',
  /** new: a string of the review holds control characters (terminal escape codes) */
  REVIEW_INVALID_TEXT: 'review_invalid_text',
  OUTLINE_INVALID_UTF8: 'outline_invalid_utf8',
  // Export
  /** was `run_lookup: …` */
  RUN_NOT_FOUND: 'run_not_found',
  RUN_MISSING_AUDIO: 'run_missing_audio',
  RUN_MISSING_TRANSCRIPT: 'run_missing_transcript',
  /** was `project_lookup: …` */
  PROJECT_NOT_FOUND: 'project_not_found',
  /** was `artifact_lookup: …` (the artifact store's own code) */
  ARTIFACT_NOT_FOUND: ArtifactErrorCode.NOT_FOUND,
  ARTIFACT_TYPE_MISMATCH: 'artifact_type_mismatch',
  /** was `transcript_parse: …` (the transcript document's own code, as in every context) */
  TRANSCRIPT_PARSE_FAILED: TranscriptErrorCode.PARSE_FAILED,
  /** was `pack_dir: …`, `pack_create: …`, `zip_start|zip_source|zip_copy|zip_write: …`, `pack_finish: …` */
  WRITE_FAILED: 'pack_write_failed',
  // Peer reviews
  /** was `peer_review_lookup: …` */
  PEER_REVIEW_NOT_FOUND: 'peer_review_not_found',
  PEER_REVIEW_ARTIFACT_TYPE: 'peer_review_artifact_type',
  /** was `peer_review_parse: …` */
  PEER_REVIEW_PARSE_FAILED: 'peer_review_parse_failed',
  /** was `peer_review_insert: …` when no row was written */
  PEER_REVIEW_INSERT_FAILED: 'peer_review_insert_failed',
} as const;

export type PackErrorCodeValue = (typeof PackErrorCode)[keyof typeof PackErrorCode];

/**
 * A refused archive. `reason` tells apart the cases one stable code covers (`pack_invalid_path`
 * for a `..` segment, an absolute name, a drive letter, a backslash or a NUL; which limit a
 * size check hit), so tests and logs can be precise while the UI keeps its vocabulary.
 * Messages never quote entry names: they come from the archive.
 */
export class PackArchiveError extends DomainError {
  constructor(
    code: PackErrorCodeValue,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(code, `${code} (${reason})`, options);
  }
}

export function isPackArchiveError(error: unknown): error is PackArchiveError {
  return error instanceof PackArchiveError;
}
