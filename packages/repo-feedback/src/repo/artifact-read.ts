import { artifactNotFound, type Artifact, type ArtifactStore } from '@lepupitre/db-core';
import { DomainError } from '@lepupitre/domain-primitives';

/**
 * Looks up an artifact and checks its type: a missing row is `artifact_not_found`, a wrong type
 * the caller's code (`artifact_not_transcript`, `artifact_not_feedback`). Its bytes are then
 * read with `ArtifactStore#read`, which keeps the path inside the profile folder
 * (`artifact_path_not_allowed`; the previous app skipped that check in `feedback_get`, docs/compatibility.md#feedback-14) and
 * reports a missing or unreadable file as `artifact_read_failed`.
 */
export function artifactOfType(store: ArtifactStore, id: string, type: string, wrongTypeCode: string): Artifact {
  const artifact = store.get(id);
  if (!artifact) throw artifactNotFound();
  if (artifact.type !== type) throw new DomainError(wrongTypeCode);
  return artifact;
}
