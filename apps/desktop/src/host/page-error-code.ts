/**
 * Codes the page itself raises, when no answer of the host can be had or read. The page is plain
 * JavaScript and spells them out (`page/app.js`, `page/ipc.js`); they are listed here so the
 * sentence catalogue covers them like every other code (a test checks the page uses no other).
 */
export const PageErrorCode = {
  /** The address carried no access token (the page was opened without the printed address). */
  NO_TOKEN: 'HOST_NO_TOKEN',
  /** The host did not answer: it is stopped. */
  UNREACHABLE: 'HOST_UNREACHABLE',
  /** The host answered something that is not the IPC envelope. */
  BAD_RESPONSE: 'HOST_BAD_RESPONSE',
  /** A failure of the page's own script. */
  PAGE_ERROR: 'PAGE_ERROR',
} as const;

export type PageErrorCode = (typeof PageErrorCode)[keyof typeof PageErrorCode];
