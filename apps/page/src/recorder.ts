import { SAMPLE_RATE, toPcm16, wavOfSamples } from './wav';

/**
 * A recording from the microphone, straight into the app's audio format: Web Audio runs at
 * 16 kHz (the browser resamples the device), one channel, and the samples become a 16-bit WAV
 * when the recording stops. Nothing leaves the page but the WAV sent to the host.
 */
/** A finished take: the WAV and its length. */
export interface Recording {
  readonly wav: Uint8Array;
  readonly durationMs: number;
}

export class MicrophoneRecorder {
  readonly #chunks: Float32Array[] = [];
  #stream: MediaStream | null = null;
  #context: AudioContext | null = null;
  #processor: ScriptProcessorNode | null = null;

  get recording(): boolean {
    return this.#context !== null;
  }

  async start(): Promise<void> {
    this.#stream = await navigator.mediaDevices.getUserMedia({ audio: { channelCount: 1 }, video: false });
    try {
      this.#context = new AudioContext({ sampleRate: SAMPLE_RATE });
      const source = this.#context.createMediaStreamSource(this.#stream);
      // ScriptProcessorNode needs no worklet module: the page's policy loads scripts from this origin only.
      this.#processor = this.#context.createScriptProcessor(4096, 1, 1);
      this.#processor.onaudioprocess = (event) => this.#chunks.push(new Float32Array(event.inputBuffer.getChannelData(0)));
      source.connect(this.#processor);
      this.#processor.connect(this.#context.destination);
    } catch (error) {
      // A failed start must not leave the microphone on: nothing else holds this recorder.
      this.#stream.getTracks().forEach((track) => track.stop());
      await this.#context?.close().catch(() => undefined);
      this.#context = null;
      throw error;
    }
  }

  /** Stops and answers the WAV and its length in milliseconds. */
  async stop(): Promise<Recording> {
    this.#processor?.disconnect();
    this.#stream?.getTracks().forEach((track) => track.stop());
    await this.#context?.close();
    this.#context = null;
    const samples = toPcm16(this.#chunks.splice(0));
    return { wav: wavOfSamples(samples), durationMs: Math.round((samples.length / SAMPLE_RATE) * 1000) };
  }
}
