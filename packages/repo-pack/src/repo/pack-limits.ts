import type { PackLimits, ReviewLimits } from '../types';

const MiB = 1024 * 1024;

/**
 * What a review can need, with room to spare: the template is 294 bytes and 2 levels deep; a
 * filled one adds two free texts and a few timed remarks. A free text of 32,768 characters is
 * some 5,000 words; a tag is a name (the talk title's 120 characters). Anything beyond is not
 * a review, and every byte of it would be parsed, stored and returned by every read.
 */
export const REVIEW_LIMITS: ReviewLimits = {
  maxBytes: 256 * 1024,
  maxDepth: 16,
  maxItems: 1000,
  maxStringLength: 32_768,
  maxKeyLength: 128,
  maxTagLength: 120,
};

/**
 * Limits for reading a pack. A pack made by the app has 7 entries and a manifest of a few
 * kilobytes; 64 MiB per entry is the previous app's limit (about 35 minutes of the recorder's
 * 16 kHz mono WAV). The ratio of 200 sits far above what text and audio compress to and far
 * below deflate's ~1030:1 worst case; the grace lets small, very regular files through. One
 * import reads at most the largest recording plus 8 MiB for everything else: five files of
 * 64 MiB each would be read, held and written by one command while every other command waits.
 */
export const PACK_LIMITS: PackLimits = {
  maxEntries: 64,
  maxEntryBytes: 64 * MiB,
  maxManifestBytes: 1 * MiB,
  maxInflateRatio: 200,
  ratioGraceBytes: 1 * MiB,
  maxImportBytes: 72 * MiB,
  review: REVIEW_LIMITS,
};
