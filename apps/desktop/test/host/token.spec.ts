import { bearerToken, createLaunchToken, tokenMatches } from '../../src/host/token';

describe('launch token', () => {
  it('is 32 random bytes in hex, new at every launch', () => {
    const tokens = new Set(Array.from({ length: 20 }, () => createLaunchToken()));
    expect(tokens.size).toBe(20);
    for (const token of tokens) expect(token).toMatch(/^[0-9a-f]{64}$/);
  });

  it('matches only the exact token', () => {
    const token = createLaunchToken();
    expect(tokenMatches(token, token)).toBe(true);
    expect(tokenMatches(token, null)).toBe(false);
    expect(tokenMatches(token, '')).toBe(false);
    expect(tokenMatches(token, token.toUpperCase())).toBe(false);
    expect(tokenMatches(token, token.slice(0, -1))).toBe(false);
    expect(tokenMatches(token, `${token}0`)).toBe(false);
    expect(tokenMatches(token, createLaunchToken())).toBe(false);
  });

  it('is read from a Bearer authorization header only', () => {
    expect(bearerToken('Bearer abc123')).toBe('abc123');
    expect(bearerToken('  Bearer abc123  ')).toBe('abc123');
    expect(bearerToken(undefined)).toBeNull();
    expect(bearerToken('abc123')).toBeNull();
    expect(bearerToken('Basic abc123')).toBeNull();
    expect(bearerToken('Bearer ')).toBeNull();
    expect(bearerToken('Bearer a b')).toBeNull();
  });
});
