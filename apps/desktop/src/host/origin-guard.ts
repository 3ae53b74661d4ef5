import type { IncomingHttpHeaders } from 'node:http';
import { HostErrorCode, HostRefusal } from './host-error';

/** The names this server answers to; it listens on 127.0.0.1 only. */
const LOOPBACK_NAMES = ['127.0.0.1', 'localhost'] as const;

/**
 * Refuses a request that does not name this server or comes from another web origin.
 *
 * The Host check defeats DNS rebinding: a hostile page whose name is re-pointed at 127.0.0.1
 * reaches this port, but its requests carry its own name in `Host`. The Origin check refuses
 * requests a browser makes on behalf of another site (they always carry `Origin` on POST and on
 * module scripts); clients that are not browsers send no Origin and still need the token.
 */
export function checkOrigin(headers: IncomingHttpHeaders, port: number): void {
  const allowedHosts = LOOPBACK_NAMES.map((name) => `${name}:${port}`);
  const host = headers.host?.toLowerCase();
  if (host === undefined || !allowedHosts.includes(host)) {
    throw new HostRefusal(403, HostErrorCode.WRONG_HOST, `this server answers only to ${allowedHosts.join(' or ')}`);
  }
  const origin = headers.origin;
  if (origin === undefined) return;
  if (!allowedHosts.some((allowed) => origin.toLowerCase() === `http://${allowed}`)) {
    throw new HostRefusal(403, HostErrorCode.CROSS_ORIGIN, 'requests from another origin are refused');
  }
}
