import { ipc } from '../host/http-client';

/** How one command call ended, seen from the client. */
export type CallOutcome =
  | { readonly kind: 'ok'; readonly data: unknown }
  /** The host answered with a failure: the router's result or one of the host's own refusals. */
  | { readonly kind: 'refused'; readonly status: number; readonly code: string; readonly message: string }
  /** No answer: the connection was refused or cut (the host died), or it stayed silent too long. */
  | { readonly kind: 'unanswered'; readonly reason: string };

/** Longer than any command of the drill takes; a host that does not answer in that time is stuck. */
const CALL_TIMEOUT_MS = 30_000;

/**
 * Calls commands of a running app host as its page does: `POST /ipc/<command>` on 127.0.0.1
 * with the launch token as a bearer token and the payload as JSON. An answer `{ ok: true }` is
 * what the drill counts as the host acknowledging a write.
 */
export class HostClient {
  constructor(
    readonly port: number,
    private readonly token: string,
  ) {}

  async call(command: string, payload: unknown): Promise<CallOutcome> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<CallOutcome>((resolve) => {
      timer = setTimeout(() => resolve({ kind: 'unanswered', reason: `no answer in ${CALL_TIMEOUT_MS} ms` }), CALL_TIMEOUT_MS);
    });
    const answer = ipc(this.port, command, payload, { Authorization: `Bearer ${this.token}` }).then(
      (response): CallOutcome => {
        const body = response.json as { ok?: unknown; data?: unknown; error?: { code?: unknown; message?: unknown } } | undefined;
        if (response.status === 200 && body?.ok === true) return { kind: 'ok', data: body.data };
        return {
          kind: 'refused',
          status: response.status,
          code: typeof body?.error?.code === 'string' ? body.error.code : 'NO_ENVELOPE',
          message: typeof body?.error?.message === 'string' ? body.error.message : response.text.slice(0, 200),
        };
      },
      (error: unknown): CallOutcome => ({ kind: 'unanswered', reason: error instanceof Error ? error.message : String(error) }),
    );
    try {
      return await Promise.race([answer, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** A read the drill needs: anything but `ok` is an error naming the command and the code. */
  async read<T>(command: string, payload: unknown): Promise<T> {
    const outcome = await this.call(command, payload);
    if (outcome.kind === 'ok') return outcome.data as T;
    const detail = outcome.kind === 'refused' ? `${outcome.code}: ${outcome.message}` : outcome.reason;
    throw new Error(`${command} failed on the restarted host: ${detail}`);
  }
}
