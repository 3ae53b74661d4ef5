import type { ServerResponse } from 'node:http';
import { failure } from '../ipc/ipc-result';
import type { HostRefusal } from './host-error';

/**
 * Headers on every response. Nothing the host serves may be cached (command results hold the
 * user's data; the page is tied to one launch's port), sniffed into another type, framed by
 * another site or leak the URL through a Referer.
 */
const COMMON_HEADERS: Readonly<Record<string, string>> = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export function sendJson(response: ServerResponse, status: number, value: unknown, extraHeaders: Readonly<Record<string, string>> = {}): void {
  const body = Buffer.from(JSON.stringify(value), 'utf8');
  response.writeHead(status, {
    ...COMMON_HEADERS,
    ...extraHeaders,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(body.length),
  });
  response.end(body);
}

/**
 * A refusal in the IPC envelope, sentences included, as a command's failure. The connection
 * closes afterwards: a refused request may still have an unread body on the socket that must not
 * be taken for the next request.
 */
export function sendRefusal(response: ServerResponse, refusal: HostRefusal): void {
  const headers: Record<string, string> = { ...refusal.headers, Connection: 'close' };
  if (refusal.status === 401) headers['WWW-Authenticate'] = 'Bearer';
  sendJson(response, refusal.status, failure(refusal.code, refusal.message), headers);
}

export function sendBytes(response: ServerResponse, contentType: string, body: Buffer, extraHeaders: Readonly<Record<string, string>>): void {
  response.writeHead(200, {
    ...COMMON_HEADERS,
    ...extraHeaders,
    'Content-Type': contentType,
    'Content-Length': String(body.length),
  });
  response.end(body);
}
