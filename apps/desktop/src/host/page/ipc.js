/**
 * Calls the app host's router. The launch token arrives in the address fragment (never sent to
 * the server, never in a Referer); it is kept in this tab's sessionStorage so a reload still
 * works, and removed from the address bar so it is not copied or bookmarked along with the URL.
 */

const TOKEN_KEY = 'lepupitre.token';

export function takeToken() {
  const match = /^#token=([0-9a-f]{64})$/.exec(window.location.hash);
  if (match) {
    window.sessionStorage.setItem(TOKEN_KEY, match[1]);
    window.history.replaceState(null, '', window.location.pathname);
  }
  return window.sessionStorage.getItem(TOKEN_KEY);
}

/**
 * A failed call, with the stable code the router or the host gave, its message, and the
 * sentences the answer carried (none for the page's own codes: the catalogue has them).
 */
export class IpcError extends Error {
  constructor(code, message, sentence = null) {
    super(message);
    this.code = code;
    this.sentence = sentence;
  }
}

/** `invoke(command, payload)` resolves to the command's data or rejects with an IpcError. */
export function createInvoke(token) {
  return async function invoke(command, payload = {}) {
    let response;
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
    let result;
    try {
      result = await response.json();
    } catch {
      throw new IpcError('HOST_BAD_RESPONSE', `unexpected answer from the app host (HTTP ${response.status})`);
    }
    if (!result.ok) throw new IpcError(result.error.code, result.error.message, result.error.sentence ?? null);
    return result.data;
  };
}
