/**
 * WAV files for pack fixtures, written field by field so that a test can get any header wrong
 * on purpose. The app's own format is the default: 16 kHz, mono, 16-bit PCM, 44-byte header.
 */
export interface WavShape {
  /** Bytes of sample data (deterministic noise). */
  readonly dataBytes: number;
  readonly channels?: number;
  readonly sampleRate?: number;
  readonly bitsPerSample?: number;
  /** Declared length of the `data` chunk, instead of the real one. */
  readonly declaredDataBytes?: number;
  /** Bytes after the data chunk (what a polyglot file hides there). */
  readonly trailing?: Buffer;
  readonly seed?: number;
}

export function wavFile(shape: WavShape): Buffer {
  const channels = shape.channels ?? 1;
  const sampleRate = shape.sampleRate ?? 16_000;
  const bits = shape.bitsPerSample ?? 16;
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(36 + shape.dataBytes, 4);
  header.write('WAVE', 8, 'latin1');
  header.write('fmt ', 12, 'latin1');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(channels, 22);
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE((sampleRate * channels * bits) / 8, 28);
  header.writeUInt16LE((channels * bits) / 8, 32);
  header.writeUInt16LE(bits, 34);
  header.write('data', 36, 'latin1');
  header.writeUInt32LE(shape.declaredDataBytes ?? shape.dataBytes, 40);
  return Buffer.concat([header, noise(shape.dataBytes, shape.seed ?? 7), shape.trailing ?? Buffer.alloc(0)]);
}

/** A valid WAV of the app's format, `size` bytes long in all (header included; even). */
export function noiseWav(size: number, seed = 7): Buffer {
  return wavFile({ dataBytes: size - 44, seed });
}

function noise(size: number, seed: number): Buffer {
  const bytes = Buffer.alloc(size);
  let state = seed;
  for (let i = 0; i < size; i++) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    bytes[i] = state >>> 16;
  }
  return bytes;
}
