/**
 * WAV files for the tests, written field by field: the app's one audio format (PCM, mono,
 * 16 kHz, 16-bit, canonical 44-byte header), built without the talk repository's encoder so
 * that the code under test never makes its own inputs. The format fields of the header can be
 * overridden to build the variants the reader must refuse.
 */

export const WAV_SAMPLE_RATE_HZ = 16_000;

export interface WavOptions {
  /** Sample count; one second by default. */
  readonly samples?: number;
  /** Sample `i`'s value; by default a ramp, so that any slice of the file is recognisable. */
  readonly sample?: (i: number) => number;
  /** Header fields only: the data stays 16-bit mono samples. */
  readonly channels?: number;
  readonly sampleRate?: number;
  readonly bits?: number;
}

/** A ramp: sample `i` is `i` modulo 30,000. */
export const rampSample = (i: number): number => i % 30_000;

/** How many samples `durationMs` milliseconds hold at 16 kHz. */
export function samplesIn(durationMs: number): number {
  return Math.round((durationMs * WAV_SAMPLE_RATE_HZ) / 1000);
}

export function wavBytes(options: WavOptions = {}): Buffer {
  const samples = options.samples ?? WAV_SAMPLE_RATE_HZ;
  const sample = options.sample ?? rampSample;
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) data.writeInt16LE(sample(i), i * 2);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8, 'latin1');
  header.write('fmt ', 12, 'latin1');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(options.channels ?? 1, 22);
  header.writeUInt32LE(options.sampleRate ?? WAV_SAMPLE_RATE_HZ, 24);
  header.writeUInt32LE(WAV_SAMPLE_RATE_HZ * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(options.bits ?? 16, 34);
  header.write('data', 36, 'latin1');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}
