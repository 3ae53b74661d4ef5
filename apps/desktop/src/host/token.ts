import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Bytes of randomness in a launch token: 256 bits, beyond any guessing over loopback. */
const TOKEN_BYTES = 32;

/**
 * A fresh token for one launch of the host. It lives only in this process and in the URL it
 * prints, so a token seen once (terminal scrollback, a screenshot) is worthless after a restart.
 */
export function createLaunchToken(): string {
  return randomBytes(TOKEN_BYTES).toString('hex');
}

/**
 * Compares in constant time so the response time tells nothing about how much of a guess was
 * right. Both sides are hashed first: `timingSafeEqual` needs equal lengths, and comparing
 * lengths directly would leak the token's length.
 */
export function tokenMatches(expected: string, given: string | null): boolean {
  if (given === null) return false;
  return timingSafeEqual(digest(expected), digest(given));
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/** The token of an `Authorization: Bearer <token>` header, or null when there is none. */
export function bearerToken(header: string | undefined): string | null {
  if (header === undefined) return null;
  const match = /^Bearer ([^\s]+)$/.exec(header.trim());
  return match?.[1] ?? null;
}
