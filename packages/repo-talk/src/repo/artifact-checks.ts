import { artifactNotFound, type DatabaseHandle } from '@lepupitre/db-core';
import { DomainError } from '@lepupitre/domain-primitives';
import { artifactType } from '../queries';
import { TalkErrorCode } from '../types';

/**
 * The artifact kinds a run or a transcript reader accepts, each with the previous app's error
 * code for a wrong kind.
 */
const WRONG_KIND = {
  audio: TalkErrorCode.ARTIFACT_NOT_AUDIO,
  transcript: TalkErrorCode.ARTIFACT_NOT_TRANSCRIPT,
} as const;

export type LinkedArtifactKind = keyof typeof WRONG_KIND;

/**
 * An artifact id must name an existing artifact of the expected kind. An unknown id is the
 * artifact store's `artifact_not_found`, as in every other context (the previous app said
 * `artifact_lookup: Query returned no rows`, which the UI only displayed).
 */
export function requireArtifactOfKind(db: DatabaseHandle, artifactId: string, kind: LinkedArtifactKind): void {
  const row = db.get(artifactType, { id: artifactId });
  if (!row) throw artifactNotFound();
  if (row.type !== kind) throw new DomainError(WRONG_KIND[kind]);
}
