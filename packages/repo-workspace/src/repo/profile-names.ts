import { DomainError, trimUnicodeWhiteSpace } from '@lepupitre/domain-primitives';
import { WorkspaceErrorCode } from '../types';

/**
 * A profile name is stored exactly as given (no trimming, compared byte-wise), as before; only a
 * blank one is refused, because the UI cannot list a profile without a name.
 */
export function assertUsableProfileName(name: string): void {
  if (typeof name !== 'string' || trimUnicodeWhiteSpace(name) === '') {
    throw new DomainError(WorkspaceErrorCode.PROFILE_NAME_INVALID);
  }
}
