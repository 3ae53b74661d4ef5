import type { ArtifactSweepReport } from '@lepupitre/db-core';

/** One line for the host's log and the CLI: counts only, never a path. */
export function describeArtifactSweep(sweep: ArtifactSweepReport): string {
  if (sweep.deferred) return 'files left by an interrupted write could not be tidied now (another process holds the database); the next open tries again';
  const parts: string[] = [];
  if (sweep.temporaryRemoved > 0) parts.push(`removed ${sweep.temporaryRemoved} temporary file(s) of interrupted writes`);
  if (sweep.straysSetAside > 0) parts.push(`set aside ${sweep.straysSetAside} file(s) no record refers to (${sweep.straysBytes} B) in orphaned/`);
  return parts.length > 0 ? parts.join('; ') : 'nothing to tidy';
}
