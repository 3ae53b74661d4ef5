/**
 * Audio for a run when the person types what they said instead of picking a recording: silence
 * in the app's one audio format (PCM WAV, 16 kHz, mono, 16-bit, 44-byte header).
 */

const SAMPLE_RATE = 16000;
const BYTES_PER_SAMPLE = 2;
/** A steady speaking pace, so the silent recording lasts about as long as saying the text. */
const WORDS_PER_MINUTE = 130;
const MAX_SECONDS = 300;

export function secondsToSay(text) {
  const words = text.split(/\s+/).filter((word) => word !== '').length;
  return Math.min(MAX_SECONDS, Math.max(1, Math.round((words / WORDS_PER_MINUTE) * 60)));
}

export function silentWav(seconds) {
  const dataBytes = Math.round(seconds * SAMPLE_RATE) * BYTES_PER_SAMPLE;
  const bytes = new Uint8Array(44 + dataBytes);
  const view = new DataView(bytes.buffer);
  const ascii = (offset, text) => [...text].forEach((char, i) => view.setUint8(offset + i, char.charCodeAt(0)));
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, SAMPLE_RATE, true);
  view.setUint32(28, SAMPLE_RATE * BYTES_PER_SAMPLE, true);
  view.setUint16(32, BYTES_PER_SAMPLE, true);
  view.setUint16(34, 16, true);
  ascii(36, 'data');
  view.setUint32(40, dataBytes, true);
  return bytes;
}

/** Base64 in slices: one `fromCharCode` call over megabytes would overflow the call stack. */
export function toBase64(bytes) {
  let binary = '';
  for (let start = 0; start < bytes.length; start += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  }
  return window.btoa(binary);
}
