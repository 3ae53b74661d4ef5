/**
 * The app's one audio format: PCM WAV, 16 kHz, mono, 16-bit, 44-byte header. The page makes it
 * from the microphone; without a recording, the app makes silence from the text itself.
 */
export const SAMPLE_RATE = 16000;
const BYTES_PER_SAMPLE = 2;
/** A WAV holding these 16-bit samples. */
export function wavOfSamples(samples: Int16Array): Uint8Array {
  const dataBytes = samples.length * BYTES_PER_SAMPLE;
  const bytes = new Uint8Array(44 + dataBytes);
  const view = new DataView(bytes.buffer);
  const ascii = (offset: number, text: string): void => [...text].forEach((char, i) => view.setUint8(offset + i, char.charCodeAt(0)));
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
  for (let i = 0; i < samples.length; i++) view.setInt16(44 + i * BYTES_PER_SAMPLE, samples[i] as number, true);
  return bytes;
}

/** Float samples in [-1, 1] (Web Audio) as 16-bit PCM, clipped. */
export function toPcm16(chunks: readonly Float32Array[]): Int16Array {
  const total = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  const samples = new Int16Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    for (let i = 0; i < chunk.length; i++) {
      const value = Math.max(-1, Math.min(1, chunk[i] as number));
      samples[offset++] = Math.round(value < 0 ? value * 0x8000 : value * 0x7fff);
    }
  }
  return samples;
}

/** Base64 in slices: one `fromCharCode` call over megabytes would overflow the call stack. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let start = 0; start < bytes.length; start += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  }
  return window.btoa(binary);
}
