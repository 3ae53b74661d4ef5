import { isLepupitreError } from '@lepupitre/domain-primitives';

/** The error a call raises; fails the test when it raises nothing. */
export function errorOf(call: () => unknown): Error & { code?: string; cause?: unknown; cleanupError?: unknown } {
  try {
    call();
  } catch (error) {
    return error as Error & { code?: string };
  }
  throw new Error('expected the call to fail');
}

export function codeOf(call: () => unknown): string | undefined {
  return errorOf(call).code;
}

/** The codes along an error's `cause` chain of platform and domain errors, outermost first (the driver's own error ends it). */
export function codeChain(error: unknown): string[] {
  const codes: string[] = [];
  let current: unknown = error;
  while (isLepupitreError(current)) {
    codes.push(current.code);
    current = current.cause;
  }
  return codes;
}
