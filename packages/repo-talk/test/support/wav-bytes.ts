/**
 * WAV files for tests, written field by field (independently of the code under test), with
 * every header field overridable to build the variants the reader must refuse.
 */
export interface WavOptions {
  readonly samples?: readonly number[];
  readonly sampleRate?: number;
  readonly channels?: number;
  readonly bits?: number;
  readonly format?: number;
  readonly dataChunkId?: string;
  /** Declared data size; defaults to the real one. */
  readonly dataSize?: number;
  /** Bytes appended after the data. */
  readonly trailing?: readonly number[];
}

export function wavBytes(options: WavOptions = {}): Buffer {
  const samples = options.samples ?? [];
  const data = Buffer.alloc(samples.length * 2);
  samples.forEach((s, i) => data.writeInt16LE(s, i * 2));
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8, 'latin1');
  header.write('fmt ', 12, 'latin1');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(options.format ?? 1, 20);
  header.writeUInt16LE(options.channels ?? 1, 22);
  header.writeUInt32LE(options.sampleRate ?? 16000, 24);
  header.writeUInt32LE(32000, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(options.bits ?? 16, 34);
  header.write(options.dataChunkId ?? 'data', 36, 'latin1');
  header.writeUInt32LE(options.dataSize ?? data.length, 40);
  return Buffer.concat([header, data, Buffer.from(options.trailing ?? [])]);
}

/** `count` samples whose value is their index modulo 30000: any slice is recognisable. */
export function rampSamples(count: number): number[] {
  return Array.from({ length: count }, (_, i) => i % 30000);
}
