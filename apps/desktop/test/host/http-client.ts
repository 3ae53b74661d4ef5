import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';

export interface HttpAnswer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly text: string;
  /** The body parsed as JSON (undefined when it is not JSON). */
  readonly json: unknown;
}

export interface HttpCall {
  readonly method?: string;
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Sent at once; an array is sent chunk by chunk (chunked transfer, no Content-Length). */
  readonly body?: string | Buffer | readonly string[];
}

/**
 * A raw HTTP call to 127.0.0.1 with full control of the headers (fetch would not let a test
 * forge `Host`). Write errors after the server has answered and closed are expected when a
 * refused body is still being sent; the answer is what counts.
 */
export function call(port: number, options: HttpCall): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const request = httpRequest(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: { Connection: 'close', ...options.headers } },
      (response) => {
        answered = true;
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, text, json: parse(text) }));
        response.on('error', reject);
      },
    );
    request.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
    });
    request.on('close', () => {
      if (!answered) reject(new Error('the connection closed without an answer'));
    });
    const body = options.body;
    if (Array.isArray(body)) {
      for (const chunk of body) request.write(chunk);
      request.end();
    } else {
      request.end(body as string | Buffer | undefined);
    }
  });
}

/** A command call as the page makes it. */
export function ipc(port: number, command: string, payload: unknown, headers: Readonly<Record<string, string>>): Promise<HttpAnswer> {
  return call(port, {
    method: 'POST',
    path: `/ipc/${command}`,
    headers: { 'Content-Type': 'application/json', Host: `127.0.0.1:${port}`, ...headers },
    body: JSON.stringify(payload),
  });
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
