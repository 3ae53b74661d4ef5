import { toPcm16, wavOfSamples } from '../src/wav';

describe('the page WAV encoder', () => {
  it('writes 16 kHz mono 16-bit PCM with a 44-byte header', () => {
    const wav = wavOfSamples(Int16Array.from([0, 1, -1, 32767, -32768]));
    const view = new DataView(wav.buffer);
    const ascii = (offset: number) => String.fromCharCode(...wav.subarray(offset, offset + 4));
    expect([ascii(0), ascii(8), ascii(12), ascii(36)]).toEqual(['RIFF', 'WAVE', 'fmt ', 'data']);
    expect({
      riff: view.getUint32(4, true),
      format: view.getUint16(20, true),
      channels: view.getUint16(22, true),
      rate: view.getUint32(24, true),
      byteRate: view.getUint32(28, true),
      align: view.getUint16(32, true),
      bits: view.getUint16(34, true),
      data: view.getUint32(40, true),
    }).toEqual({ riff: 36 + 10, format: 1, channels: 1, rate: 16000, byteRate: 32000, align: 2, bits: 16, data: 10 });
    expect([0, 1, 2, 3, 4].map((i) => view.getInt16(44 + i * 2, true))).toEqual([0, 1, -1, 32767, -32768]);
  });

  it('turns Web Audio floats into clipped 16-bit samples', () => {
    expect([...toPcm16([Float32Array.from([0, 1, -1]), Float32Array.from([2, -2, 0.5])])]).toEqual([0, 32767, -32768, 32767, -32768, 16384]);
  });
});
