import { isDomainError } from '@lepupitre/domain-primitives';

/** Runs `fn` and asserts it failed with the domain error `code`. */
export function expectCode(fn: () => unknown, code: string): void {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(isDomainError(caught) ? caught.code : caught).toBe(code);
}
