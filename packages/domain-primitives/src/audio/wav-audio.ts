import { DomainError } from '../errors/domain-error';

/**
 * The one audio format every audio artifact has: a canonical 44-byte-header PCM WAV, mono,
 * 16 kHz, 16-bit little-endian. Audio import, trim and transcription (talk context) and pack
 * import (pack context) read it with exactly the checks below (the previous app's, with its
 * error codes), so nothing else is ever stored as audio. It lives here, beside the transcript
 * document, because two contexts that may not depend on each other read it.
 */
export const WAV_SAMPLE_RATE_HZ = 16_000;
const HEADER_BYTES = 44;
const BYTES_PER_SAMPLE = 2;
const SAMPLES_PER_MS = WAV_SAMPLE_RATE_HZ / 1000;
const MAX_DATA_BYTES = 0xffff_ffff - 36;

/** The reader's codes, the previous app's. */
export const WavErrorCode = {
  /** Not `RIFF`…`WAVE` with a `fmt ` chunk first, or shorter than the header. */
  HEADER: 'wav_header',
  /** Not PCM, not mono, or not 16-bit. */
  FORMAT: 'wav_format',
  SAMPLE_RATE: 'wav_sample_rate',
  /** No `data` chunk right after `fmt `, or fewer bytes than it declares. */
  DATA: 'wav_data',
  /** Sample bytes that no canonical file can hold (odd length, or past 4 GiB). */
  DATA_SIZE: 'wav_data_size',
} as const;

/** Decoded PCM: the sample bytes (whole samples only) and how many samples they hold. */
export interface PcmAudio {
  readonly data: Buffer;
  readonly sampleCount: number;
}

/**
 * Reader rules: header magic, PCM mono 16-bit, 16 kHz, a `data` chunk right after `fmt `.
 * RIFF size, byte rate and block align are not checked; bytes after the data and an odd final
 * byte are ignored (and so dropped by `encodeWav` of the result).
 */
export function decodeWav(bytes: Uint8Array): PcmAudio {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < HEADER_BYTES) throw new DomainError(WavErrorCode.HEADER);
  if (buf.toString('latin1', 0, 4) !== 'RIFF' || buf.toString('latin1', 8, 12) !== 'WAVE' || buf.toString('latin1', 12, 16) !== 'fmt ') {
    throw new DomainError(WavErrorCode.HEADER);
  }
  if (buf.readUInt16LE(20) !== 1 || buf.readUInt16LE(22) !== 1 || buf.readUInt16LE(34) !== 16) {
    throw new DomainError(WavErrorCode.FORMAT);
  }
  if (buf.readUInt32LE(24) !== WAV_SAMPLE_RATE_HZ) throw new DomainError(WavErrorCode.SAMPLE_RATE);
  if (buf.toString('latin1', 36, 40) !== 'data') throw new DomainError(WavErrorCode.DATA);
  const dataBytes = buf.readUInt32LE(40);
  if (buf.length < HEADER_BYTES + dataBytes) throw new DomainError(WavErrorCode.DATA);
  const sampleCount = Math.floor(dataBytes / BYTES_PER_SAMPLE);
  return { data: buf.subarray(HEADER_BYTES, HEADER_BYTES + sampleCount * BYTES_PER_SAMPLE), sampleCount };
}

/** The canonical file for PCM sample bytes. */
export function encodeWav(data: Uint8Array): Buffer {
  if (data.length > MAX_DATA_BYTES || data.length % BYTES_PER_SAMPLE !== 0) throw new DomainError(WavErrorCode.DATA_SIZE);
  const header = Buffer.alloc(HEADER_BYTES);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8, 'latin1');
  header.write('fmt ', 12, 'latin1');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(WAV_SAMPLE_RATE_HZ, 24);
  header.writeUInt32LE(WAV_SAMPLE_RATE_HZ * BYTES_PER_SAMPLE, 28);
  header.writeUInt16LE(BYTES_PER_SAMPLE, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'latin1');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

/** Duration in whole milliseconds, rounded as the recorder rounded it. */
export function wavDurationMs(sampleCount: number): number {
  return Math.round((sampleCount / WAV_SAMPLE_RATE_HZ) * 1000);
}

/** Sample range `[start, end)` of a millisecond range: floor at the start, ceil at the end. */
export function wavSampleRange(startMs: number, endMs: number, sampleCount: number): { start: number; end: number } {
  return {
    start: Math.min(Math.floor(startMs * SAMPLES_PER_MS), sampleCount),
    end: Math.min(Math.ceil(endMs * SAMPLES_PER_MS), sampleCount),
  };
}

export function pcmSlice(audio: PcmAudio, start: number, end: number): Buffer {
  return audio.data.subarray(start * BYTES_PER_SAMPLE, end * BYTES_PER_SAMPLE);
}
