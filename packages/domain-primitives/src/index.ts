/**
 * domain-primitives: the few domain building blocks that several contexts share and that know
 * nothing of databases: the error base classes, ids, UTC time, the Unicode text rules, JSON
 * reading, the transcript document and WAV audio. It depends on nothing of ours, so any package
 * may use it without pulling in the data layer.
 */
export { LepupitreError, isLepupitreError } from './errors/lepupitre-error';
export { DomainError, isDomainError } from './errors/domain-error';
export { newId, ID_PATTERN } from './ids/new-id';
export { compactUtcStamp, formatUtcTimestamp, utcNow } from './time/utc-timestamp';
export { isUnicodeWhiteSpace, splitUnicodeWhiteSpace, trimUnicodeWhiteSpace } from './text/unicode-white-space';
export { printableList, printableText } from './text/printable-text';
export { JsonReader, type JsonObject } from './json/json-reader';
export {
  readTranscriptDocument,
  transcriptEndMs,
  transcriptText,
  TranscriptErrorCode,
  type TranscriptSegment,
  type TranscriptV1,
} from './transcript/transcript-document';
export {
  decodeWav,
  encodeWav,
  pcmSlice,
  WAV_SAMPLE_RATE_HZ,
  wavDurationMs,
  wavSampleRange,
  WavErrorCode,
  type PcmAudio,
} from './audio/wav-audio';
