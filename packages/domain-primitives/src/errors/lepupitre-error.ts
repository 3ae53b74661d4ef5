/**
 * Base of every error that leaves the data platform.
 *
 * The `code` is the stable contract with the command layer and the UI: it never changes once
 * shipped. The `message` is safe to show: it never carries SQL, file paths, stack traces or row
 * contents, because it travels up to the UI and into support logs. Whatever a developer needs
 * beyond that stays on `cause`, which the command layer never serialises.
 */
export abstract class LepupitreError extends Error {
  abstract readonly code: string;

  protected constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }

  /** The only shape that may cross a process or IPC boundary. */
  toJSON(): { code: string; message: string } {
    return { code: this.code, message: this.message };
  }
}

export function isLepupitreError(error: unknown): error is LepupitreError {
  return error instanceof LepupitreError;
}
