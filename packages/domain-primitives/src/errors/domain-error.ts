import { LepupitreError } from './lepupitre-error';

/**
 * An error of a bounded context. Its code is the previous app's stable lowercase code
 * (`project_not_found`, `profile_name_exists`, ...), which the UI matches on; where the
 * previous app returned `<prefix>: <driver message>`, a context defines a stable code of its
 * own. The message is safe to show and defaults to the code, as the previous app's string was.
 */
export class DomainError extends LepupitreError {
  readonly code: string;

  constructor(code: string, message: string = code, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

export function isDomainError(error: unknown, code?: string): error is DomainError {
  return error instanceof DomainError && (code === undefined || error.code === code);
}
