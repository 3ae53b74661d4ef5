/**
 * Codes the page itself raises, when no answer of the host can be had or read, or about its own
 * records. The page (`apps/page`) spells them out; they are listed here so the
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
  /** An entry of the page's voice memo list (a profile preference) that it cannot read. */
  MEMO_UNREADABLE: 'PAGE_MEMO_UNREADABLE',
  /** The voice memo list is full: no audio is stored for another one. */
  MEMO_LIMIT: 'PAGE_MEMO_LIMIT',
} as const;

export type PageErrorCode = (typeof PageErrorCode)[keyof typeof PageErrorCode];
