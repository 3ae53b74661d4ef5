import type { ProfileSchema, Selectable } from '@lepupitre/db-core';

/** Row types of the pack context, derived from the generated schema: a column rename breaks the build. */
export type PeerReviewRow = Selectable<ProfileSchema['peer_reviews']>;
export type ArtifactRow = Selectable<ProfileSchema['artifacts']>;

/** One file listed by a pack manifest (`files[]`), in the manifest's key order. */
export interface PackManifestFile {
  readonly path: string;
  readonly role: string;
  readonly sha256: string;
  readonly bytes: number;
  readonly mime: string;
}

/** `manifest.json` of a review pack (schema `1.0.0`), in the key order it is written. */
export interface PackManifest {
  readonly schema_version: string;
  readonly pack_id: string;
  readonly created_at: string;
  readonly app_version: string;
  readonly profile_id: string | null;
  readonly project_id: string;
  readonly run: { readonly run_id: string; readonly duration_ms: number };
  readonly files: readonly PackManifestFile[];
}

/** The five files a pack must carry, by manifest role. */
export type PackRole = 'audio' | 'transcript' | 'outline' | 'rubric' | 'review_template';

/**
 * A pack archive that passed every check: its manifest, and the verified bytes of the five
 * role files (audio, transcript, outline and rubric match the manifest's size and SHA-256; the
 * review is whatever the reviewer wrote, parsed as JSON).
 */
export interface PackContent {
  readonly manifest: PackManifest;
  readonly files: Readonly<Record<PackRole, Buffer>>;
  /** The review file parsed as JSON: any JSON value (its shape is only checked when read back). */
  readonly review: unknown;
  /** The review's `reviewer_tag` when it is a string that is not blank, kept untrimmed; else null. */
  readonly reviewerTag: string | null;
}

/** A pack ready to be imported: everything of `PackContent`, plus the outline as text. */
export interface PeerReviewPack extends PackContent {
  /** The outline file decoded as strict UTF-8 (a BOM is kept). */
  readonly outlineText: string;
}

/** `pack_inspect` response (camelCase, every key present). */
export interface PackInspection {
  readonly fileName: string;
  readonly fileBytes: number;
  readonly schemaVersion: string;
  readonly packId: string;
  readonly createdAt: string;
  readonly appVersion: string;
  readonly profileId: string | null;
  readonly projectId: string;
  readonly runId: string;
  readonly durationMs: number;
  readonly reviewerTag: string | null;
  readonly files: readonly { readonly role: string; readonly bytes: number; readonly mime: string }[];
}

export interface PackExportInput {
  readonly runId: string;
  /** The exporting profile, written as the manifest's `profile_id`. */
  readonly profileId: string | null;
  /** The application version, written as the manifest's `app_version`. */
  readonly appVersion: string;
}

/** `pack_export` response: the absolute path of the zip (joined, not canonicalised). */
export interface PackExportResult {
  readonly path: string;
}

/** Artifacts stored for an import before the run exists: the run points at the first two. */
export interface PeerReviewSourceArtifacts {
  readonly audioArtifactId: string;
  readonly transcriptArtifactId: string;
  readonly outlineArtifactId: string;
  readonly rubricArtifactId: string;
}

/** The talk-context rows the command layer created for an import, in the same transaction. */
export interface PeerReviewTarget {
  readonly projectId: string;
  readonly runId: string;
}

export interface RecordedPeerReview {
  readonly peerReviewId: string;
  readonly reviewArtifactId: string;
}

export interface PeerReviewListInput {
  readonly projectId: string;
  /** Absent → 12; clamped to 1..100. */
  readonly limit?: number | null;
}

/** `peer_review_list` item (snake_case, in this order). */
export interface PeerReviewSummary {
  readonly id: string;
  readonly run_id: string;
  readonly project_id: string;
  readonly created_at: string;
  readonly reviewer_tag: string | null;
}

/** The review file as `peer_review_get` returns it (PeerReviewV1). */
export interface PeerReviewDocument {
  readonly schema_version: string;
  readonly rubric_id: string;
  readonly reviewer_tag: string | null;
  readonly scores: Readonly<Record<string, unknown>>;
  readonly free_text: Readonly<Record<string, unknown>>;
  readonly timestamps: readonly unknown[];
}

/** `peer_review_get` response (snake_case, in this order). */
export interface PeerReviewDetail extends PeerReviewSummary {
  readonly review: PeerReviewDocument;
}

/**
 * Limits on what a review carries, checked at import (a refusal) and again when a stored review
 * is read back (a typed error; control characters are then removed instead).
 */
export interface ReviewLimits {
  /** Bytes of the review file. */
  readonly maxBytes: number;
  /** Nesting of arrays and objects; the review object itself is level 1. */
  readonly maxDepth: number;
  /** Members of one object or items of one array. */
  readonly maxItems: number;
  /** UTF-16 code units of one string value. */
  readonly maxStringLength: number;
  /** UTF-16 code units of one object key. */
  readonly maxKeyLength: number;
  /** Characters (code points) of `reviewer_tag`, a label shown in lists. */
  readonly maxTagLength: number;
}

/** Limits applied to a pack archive before and while it is read. */
export interface PackLimits {
  /** Entries in the central directory (a pack made by the app has 7). */
  readonly maxEntries: number;
  /** Bytes one entry may declare or produce when inflated. */
  readonly maxEntryBytes: number;
  /** Bytes `manifest.json` may declare or produce. */
  readonly maxManifestBytes: number;
  /** Inflated bytes per compressed byte consumed, beyond the grace amount. */
  readonly maxInflateRatio: number;
  /** Output an entry may produce before the ratio applies (small files compress very well). */
  readonly ratioGraceBytes: number;
  /**
   * Bytes one import reads in all: the manifest and the five role files, by their declared
   * sizes (every read stops at the declared size, so this bounds what is inflated and stored).
   */
  readonly maxImportBytes: number;
  readonly review: ReviewLimits;
}
