/**
 * The WAV reader and writer of every audio artifact, under the names this context uses. The
 * rules live in the shared domain primitives because the pack context checks imported audio with
 * exactly the same ones, and the two contexts may not depend on each other.
 */
export {
  decodeWav,
  encodeWav,
  pcmSlice,
  WAV_SAMPLE_RATE_HZ as SAMPLE_RATE_HZ,
  wavDurationMs as durationMs,
  wavSampleRange as sampleRange,
  type PcmAudio,
} from '@lepupitre/domain-primitives';
