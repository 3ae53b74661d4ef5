/**
 * Refusals of the HTTP layer itself, before any command runs. They travel in the same
 * `{ ok: false, error: { code, message } }` envelope as a command's failure, so the page shows
 * both the same way; the HTTP status tells a script which layer said no.
 */
export const HostErrorCode = {
  /** No token, or not this launch's token. */
  UNAUTHORIZED: 'HOST_UNAUTHORIZED',
  /** The Host header names something other than this server (DNS rebinding). */
  WRONG_HOST: 'HOST_WRONG_HOST',
  /** The request comes from another web origin. */
  CROSS_ORIGIN: 'HOST_CROSS_ORIGIN',
  NOT_FOUND: 'HOST_NOT_FOUND',
  METHOD_NOT_ALLOWED: 'HOST_METHOD_NOT_ALLOWED',
  /** A command call whose body is not declared as JSON. */
  UNSUPPORTED_MEDIA_TYPE: 'HOST_UNSUPPORTED_MEDIA_TYPE',
  PAYLOAD_TOO_LARGE: 'HOST_PAYLOAD_TOO_LARGE',
  /** The body is not valid JSON (or not UTF-8). */
  INVALID_JSON: 'HOST_INVALID_JSON',
  /** A failure of the HTTP layer itself; the cause stays in the host's log. */
  INTERNAL: 'HOST_INTERNAL',
} as const;

export type HostErrorCode = (typeof HostErrorCode)[keyof typeof HostErrorCode];

/** Why a launch did not start; printed by `npm start` on stderr, never sent over HTTP. */
export const HostLaunchErrorCode = {
  /** Another host serves the same data folder, or is starting or stopping on it. */
  ALREADY_RUNNING: 'HOST_ALREADY_RUNNING',
} as const;

export type HostLaunchErrorCode = (typeof HostLaunchErrorCode)[keyof typeof HostLaunchErrorCode];

export class HostRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: HostErrorCode,
    message: string,
    /** Extra response headers, such as `Allow` on a 405. */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'HostRefusal';
  }
}
