/**
 * Calls the app host's router. The launch token arrives in the address fragment (never sent to
 * the server, never in a Referer); it is kept in this tab's sessionStorage so a reload still
 * works, and removed from the address bar so it is not copied or bookmarked with the URL.
 */
const TOKEN_KEY = 'lepupitre.token';

export function takeToken(): string | null {
  const match = /^#token=([0-9a-f]{64})$/.exec(window.location.hash);
  if (match?.[1]) {
    window.sessionStorage.setItem(TOKEN_KEY, match[1]);
    window.history.replaceState(null, '', window.location.pathname);
  }
  return window.sessionStorage.getItem(TOKEN_KEY);
}

export type Sentences = Readonly<Record<string, string>>;

/**
 * A failed call, with the stable code the router or the host gave, its message, and the
 * sentences the answer carried (none for the page's own codes: the catalogue has them).
 */
export class IpcError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly sentence: Sentences | null = null,
  ) {
    super(message);
  }
}

export type Invoke = <T = unknown>(command: string, payload?: unknown) => Promise<T>;

interface Answer {
  ok: boolean;
  data?: unknown;
  error?: { code: string; message: string; sentence?: Sentences };
}

/** `invoke(command, payload)` resolves to the command's data or rejects with an IpcError. */
export function createInvoke(token: string): Invoke {
  return async function invoke<T>(command: string, payload: unknown = {}): Promise<T> {
    let response: Response;
    try {
      response = await window.fetch(`/ipc/${encodeURIComponent(command)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(payload),
        cache: 'no-store',
        credentials: 'omit',
      });
    } catch {
      throw new IpcError('HOST_UNREACHABLE', 'the app host is not running; start it again with npm start');
    }
    let answer: Answer;
    try {
      answer = (await response.json()) as Answer;
    } catch {
      throw new IpcError('HOST_BAD_RESPONSE', `unexpected answer from the app host (HTTP ${response.status})`);
    }
    if (!answer.ok) {
      const error = answer.error ?? { code: 'HOST_BAD_RESPONSE', message: 'an error without a code' };
      throw new IpcError(error.code, error.message, error.sentence ?? null);
    }
    return answer.data as T;
  };
}

/** Any thrown value as an IpcError, so that the page shows every failure the same way. */
export function asIpcError(error: unknown): IpcError {
  if (error instanceof IpcError) return error;
  return new IpcError('PAGE_ERROR', error instanceof Error ? error.message : String(error));
}
