import { DomainError } from '@lepupitre/db-core';

/**
 * The one audio format every audio artifact has: a canonical 44-byte-header PCM WAV, mono,
 * 16 kHz, 16-bit little-endian. Trim, transcription and pack export read it with exactly the
 * checks below (the previous app's, with its error codes), so nothing else may be stored.
 */
export const SAMPLE_RATE_HZ = 16_000;
const HEADER_BYTES = 44;
const BYTES_PER_SAMPLE = 2;
const SAMPLES_PER_MS = SAMPLE_RATE_HZ / 1000;
const MAX_DATA_BYTES = 0xffff_ffff - 36;

/** Decoded PCM: the sample bytes (whole samples only) and how many samples they hold. */
export interface PcmAudio {
  readonly data: Buffer;
  readonly sampleCount: number;
}

/**
 * Reader rules: header magic, PCM mono 16-bit, 16 kHz, a `data` chunk right after `fmt `.
 * RIFF size, byte rate and block align are not checked; bytes after the data and an odd final
 * byte are ignored.
 */
export function decodeWav(bytes: Uint8Array): PcmAudio {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < HEADER_BYTES) throw new DomainError('wav_header');
  if (buf.toString('latin1', 0, 4) !== 'RIFF' || buf.toString('latin1', 8, 12) !== 'WAVE' || buf.toString('latin1', 12, 16) !== 'fmt ') {
    throw new DomainError('wav_header');
  }
  if (buf.readUInt16LE(20) !== 1 || buf.readUInt16LE(22) !== 1 || buf.readUInt16LE(34) !== 16) {
    throw new DomainError('wav_format');
  }
  if (buf.readUInt32LE(24) !== SAMPLE_RATE_HZ) throw new DomainError('wav_sample_rate');
  if (buf.toString('latin1', 36, 40) !== 'data') throw new DomainError('wav_data');
  const dataBytes = buf.readUInt32LE(40);
  if (buf.length < HEADER_BYTES + dataBytes) throw new DomainError('wav_data');
  const sampleCount = Math.floor(dataBytes / BYTES_PER_SAMPLE);
  return { data: buf.subarray(HEADER_BYTES, HEADER_BYTES + sampleCount * BYTES_PER_SAMPLE), sampleCount };
}

/** The canonical file for PCM sample bytes. */
export function encodeWav(data: Uint8Array): Buffer {
  if (data.length > MAX_DATA_BYTES || data.length % BYTES_PER_SAMPLE !== 0) throw new DomainError('wav_data_size');
  const header = Buffer.alloc(HEADER_BYTES);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8, 'latin1');
  header.write('fmt ', 12, 'latin1');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(SAMPLE_RATE_HZ, 24);
  header.writeUInt32LE(SAMPLE_RATE_HZ * BYTES_PER_SAMPLE, 28);
  header.writeUInt16LE(BYTES_PER_SAMPLE, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'latin1');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

/** Duration in whole milliseconds, rounded as the recorder rounded it. */
export function durationMs(sampleCount: number): number {
  return Math.round((sampleCount / SAMPLE_RATE_HZ) * 1000);
}

/** Sample range `[start, end)` of a millisecond range: floor at the start, ceil at the end. */
export function sampleRange(startMs: number, endMs: number, sampleCount: number): { start: number; end: number } {
  return {
    start: Math.min(Math.floor(startMs * SAMPLES_PER_MS), sampleCount),
    end: Math.min(Math.ceil(endMs * SAMPLES_PER_MS), sampleCount),
  };
}

export function pcmSlice(audio: PcmAudio, start: number, end: number): Buffer {
  return audio.data.subarray(start * BYTES_PER_SAMPLE, end * BYTES_PER_SAMPLE);
}
