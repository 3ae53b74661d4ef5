import type { IncomingMessage } from 'node:http';
import { TextDecoder } from 'node:util';
import { HostErrorCode, HostRefusal } from './host-error';

/**
 * The largest command body accepted: 96 MiB. A WAV upload travels base64 inside the JSON (4/3 of
 * its size), so this carries the largest WAV `audio_import_wav` takes (64 MiB, about 85 MiB of
 * base64, some 35 minutes of the app's 16 kHz mono 16-bit format) with room for the rest of the
 * payload. The whole body is held in memory, hence a bound.
 */
export const DEFAULT_MAX_BODY_BYTES = 96 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The JSON value of a request body, `undefined` when the body is empty (the router then takes
 * `{}`). A declared length over the limit is refused before anything is read; a body that grows
 * past it while streaming (chunked) is refused as soon as it does. Reading then stops, without
 * destroying the request, so the 413 still reaches the client; the refusal closes the connection.
 */
export async function readJsonBody(request: IncomingMessage, maxBytes: number): Promise<unknown> {
  const declared = request.headers['content-length'];
  if (declared !== undefined && Number(declared) > maxBytes) throw tooLarge(maxBytes);
  const body = await collect(request, maxBytes);
  if (body.length === 0) return undefined;
  try {
    return JSON.parse(utf8.decode(body)) as unknown;
  } catch {
    throw new HostRefusal(400, HostErrorCode.INVALID_JSON, 'the request body is not valid UTF-8 JSON');
  }
}

function collect(request: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = (): void => {
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('error', onError);
      request.pause();
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > maxBytes) {
        stop();
        reject(tooLarge(maxBytes));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      stop();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (error: Error): void => {
      stop();
      reject(error);
    };
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('error', onError);
  });
}

function tooLarge(maxBytes: number): HostRefusal {
  return new HostRefusal(413, HostErrorCode.PAYLOAD_TOO_LARGE, `the request body exceeds ${maxBytes} bytes`);
}
