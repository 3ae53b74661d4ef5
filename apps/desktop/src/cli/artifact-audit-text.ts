import type { ArtifactAudit, ArtifactProblemKind } from '@lepupitre/db-ops';
import { sizeText } from './backup-labels';

/** Ids shown per kind: enough to act on a few, short enough to paste when thousands are missing. */
export const SHOWN_IDS_PER_KIND = 20;

/**
 * The `artifacts:` lines of `db doctor`: what was checked (rows, bytes, hashed or existence and
 * size only), then each kind of problem with its artifact ids, at most `SHOWN_IDS_PER_KIND` of
 * them. Ids only, never a path; the JSON output carries the full list.
 */
export function describeArtifactAudit(audit: ArtifactAudit): string[] {
  const how = audit.hashed ? 'size and sha256 checked' : 'existence and size only, not hashed (--quick)';
  const verdict = audit.problems.length === 0 ? 'ok' : `${audit.problems.length} problem(s)`;
  const lines = [`  artifacts:   ${verdict}: ${audit.rowsChecked} row(s), ${sizeText(audit.bytesChecked)} ${how}`];
  const byKind = new Map<ArtifactProblemKind, (string | null)[]>();
  for (const problem of audit.problems) {
    const ids = byKind.get(problem.kind);
    if (ids) ids.push(problem.artifactId);
    else byKind.set(problem.kind, [problem.artifactId]);
  }
  for (const [kind, ids] of byKind) lines.push(`    ${kind}: ${ids.length} (${boundedIds(ids)})`);
  return lines;
}

function boundedIds(ids: readonly (string | null)[]): string {
  const named = ids.filter((id): id is string => id !== null);
  const parts = named.slice(0, SHOWN_IDS_PER_KIND);
  if (named.length > SHOWN_IDS_PER_KIND) parts.push(`and ${named.length - SHOWN_IDS_PER_KIND} more`);
  const unnamed = ids.length - named.length;
  if (unnamed > 0) parts.push(`${unnamed} without an id`);
  return parts.join(', ');
}
