import { DomainError, type DatabaseHandle } from '@lepupitre/db-core';
import { artifactType } from '../queries';

/**
 * The artifact kinds a run or a transcript reader accepts, each with the previous app's error
 * code for a wrong kind.
 */
const WRONG_KIND = {
  audio: 'artifact_not_audio',
  transcript: 'artifact_not_transcript',
} as const;

export type LinkedArtifactKind = keyof typeof WRONG_KIND;

/**
 * An artifact id must name an existing artifact of the expected kind. An unknown id keeps the
 * previous app's `artifact_lookup` prefix, which the UI shows as is.
 */
export function requireArtifactOfKind(db: DatabaseHandle, artifactId: string, kind: LinkedArtifactKind): void {
  const row = db.get(artifactType, { id: artifactId });
  if (!row) throw new DomainError('artifact_lookup', 'artifact_lookup: no artifact has this id');
  if (row.type !== kind) throw new DomainError(WRONG_KIND[kind]);
}
