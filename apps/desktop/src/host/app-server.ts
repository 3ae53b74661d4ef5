import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Router } from '../ipc/router';
import { HEALTH_PATH, healthAnswer } from './health';
import { HostErrorCode, HostRefusal } from './host-error';
import { checkOrigin } from './origin-guard';
import { DEFAULT_MAX_BODY_BYTES, readJsonBody } from './request-body';
import { sendBytes, sendJson, sendRefusal } from './responses';
import { PAGE_HEADERS, type PageAsset } from './static-page';
import { bearerToken, tokenMatches } from './token';

export interface AppServerOptions {
  readonly router: Pick<Router, 'invoke'>;
  /** This launch's token; every command call must present it. */
  readonly token: string;
  readonly page: ReadonlyMap<string, PageAsset>;
  readonly maxBodyBytes?: number;
  readonly log?: (line: string) => void;
}

const IPC_PREFIX = '/ipc/';

/**
 * The HTTP face of the router: `POST /ipc/<command>` with the payload as a JSON body and the
 * token as a bearer credential, answered with the router's `IpcResult` (status 200 whether the
 * command succeeded or not: a command's failure is a result, not a transport error); `GET` of
 * the page's few files; `GET /health`, without the token, for a second launch to recognise this
 * one (`health.ts`). Checks run cheapest and least revealing first: who is asked (Host), who
 * asks (Origin), what (route, method), then the token, and only then is the body read.
 *
 * Not listening yet: `startAppHost` binds it to the loopback interface.
 */
export function createAppServer(options: AppServerOptions): Server {
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const log = options.log ?? (() => undefined);
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (error instanceof HostRefusal) {
        sendRefusal(response, error);
        return;
      }
      log(`http: unexpected failure: ${error instanceof Error ? error.name : typeof error}`);
      if (!response.headersSent) sendRefusal(response, new HostRefusal(500, HostErrorCode.INTERNAL, 'an unexpected internal error occurred'));
      else response.destroy();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    checkOrigin(request.headers, (server.address() as AddressInfo).port);
    const pathname = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    if (pathname.startsWith(IPC_PREFIX)) {
      await invokeCommand(request, response, pathname.slice(IPC_PREFIX.length));
      return;
    }
    if (pathname === HEALTH_PATH) {
      if (request.method !== 'GET') throw methodNotAllowed('GET');
      sendJson(response, 200, healthAnswer());
      return;
    }
    const asset = options.page.get(pathname);
    if (!asset) throw new HostRefusal(404, HostErrorCode.NOT_FOUND, 'not found');
    if (request.method !== 'GET') throw methodNotAllowed('GET');
    sendBytes(response, asset.contentType, asset.body, PAGE_HEADERS);
  }

  async function invokeCommand(request: IncomingMessage, response: ServerResponse, encodedName: string): Promise<void> {
    if (request.method !== 'POST') throw methodNotAllowed('POST');
    if (!tokenMatches(options.token, bearerToken(request.headers.authorization))) {
      throw new HostRefusal(401, HostErrorCode.UNAUTHORIZED, 'a valid token is required');
    }
    if (!isJson(request.headers['content-type'])) {
      throw new HostRefusal(415, HostErrorCode.UNSUPPORTED_MEDIA_TYPE, 'the body must be application/json');
    }
    const payload = await readJsonBody(request, maxBodyBytes);
    sendJson(response, 200, await options.router.invoke(decodeName(encodedName), payload));
  }

  return server;
}

function methodNotAllowed(allowed: string): HostRefusal {
  return new HostRefusal(405, HostErrorCode.METHOD_NOT_ALLOWED, `only ${allowed} is allowed here`, { Allow: allowed });
}

/**
 * Requiring JSON keeps command calls out of reach of the "simple" requests a browser sends
 * cross-site without a preflight (form posts, text/plain), on top of the token and Origin checks.
 */
function isJson(contentType: string | undefined): boolean {
  return contentType?.split(';')[0]?.trim().toLowerCase() === 'application/json';
}

/** A malformed escape is not a command name; the router then reports it as unknown. */
function decodeName(encoded: string): string {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return encoded;
  }
}
