import type { PackLimits } from '../types';

const MiB = 1024 * 1024;

/**
 * Limits for reading a pack. A pack made by the app has 7 entries and a manifest of a few
 * kilobytes; 64 MiB per entry is the previous app's limit (about 35 minutes of the recorder's
 * 16 kHz mono WAV). The ratio of 200 sits far above what text and audio compress to and far
 * below deflate's ~1030:1 worst case; the grace lets small, very regular files through.
 */
export const PACK_LIMITS: PackLimits = {
  maxEntries: 64,
  maxEntryBytes: 64 * MiB,
  maxManifestBytes: 1 * MiB,
  maxInflateRatio: 200,
  ratioGraceBytes: 1 * MiB,
};
