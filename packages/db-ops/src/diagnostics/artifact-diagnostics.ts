import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ArtifactAudit, ArtifactProblemKind } from '../artifacts/artifact-audit';
import { ORPHANED_DIR } from '@lepupitre/db-core/internals';

/** The diagnostics' code of each kind of artifact problem, named like the database's own. */
export const ARTIFACT_PROBLEM_CODES: Readonly<Record<ArtifactProblemKind, string>> = {
  'missing': 'ARTIFACT_MISSING',
  'size-mismatch': 'ARTIFACT_SIZE_MISMATCH',
  'sha256-mismatch': 'ARTIFACT_SHA256_MISMATCH',
  'path-not-allowed': 'ARTIFACT_PATH_NOT_ALLOWED',
  'unreadable': 'ARTIFACT_UNREADABLE',
  'stray-file': 'ARTIFACT_STRAY_FILE',
  'temporary-file': 'ARTIFACT_TEMPORARY_FILE',
  'not-a-file': 'ARTIFACT_NOT_A_FILE',
};

const RESTORE = 'restore the profile from a backup that holds the files (`lepupitre db restore`)';

/**
 * What each kind means and what to do, with the count: the ids are in the audit beside it. A
 * file the database needs can only come back from a backup; what the database does not need is
 * tidied by the sweep of the next open (`sweepArtifacts`), so the operator never deletes by hand.
 */
const MESSAGES: Readonly<Record<ArtifactProblemKind, (n: number) => string>> = {
  'missing': (n) => `${n} artifact file(s) missing: ${RESTORE}`,
  'size-mismatch': (n) => `${n} artifact file(s) of another size than recorded (cut short or replaced): ${RESTORE}`,
  'sha256-mismatch': (n) => `${n} artifact file(s) whose bytes differ from the recorded sha256: ${RESTORE}`,
  'path-not-allowed': (n) => `${n} artifact record(s) lead outside the profile folder (by their path or through a link), so the app refuses to read them: ${RESTORE}`,
  'unreadable': (n) =>
    `${n} artifact file(s) cannot be read: give the profile folder back to the user running the app (owner-only permissions), then run doctor again`,
  'stray-file': (n) => `${n} file(s) under artifacts/ that no record refers to: the next open of the profile sets them aside in ${ORPHANED_DIR}/`,
  'temporary-file': (n) => `${n} temporary file(s) of interrupted writes under artifacts/: the next open of the profile deletes them`,
  'not-a-file': (n) =>
    `${n} entry(ies) under artifacts/ that are not regular files (links, pipes): the next open of the profile sets them aside in ${ORPHANED_DIR}/`,
};

/** One problem per kind found, in the order of `ARTIFACT_PROBLEM_CODES`. */
export function artifactProblems(audit: ArtifactAudit): { code: string; message: string }[] {
  const counts = new Map<ArtifactProblemKind, number>();
  for (const problem of audit.problems) counts.set(problem.kind, (counts.get(problem.kind) ?? 0) + 1);
  return (Object.keys(ARTIFACT_PROBLEM_CODES) as ArtifactProblemKind[])
    .filter((kind) => counts.has(kind))
    .map((kind) => ({ code: ARTIFACT_PROBLEM_CODES[kind], message: MESSAGES[kind](counts.get(kind) as number) }));
}

/**
 * Entries in `orphaned/` beside the database: what sweeps of earlier opens set aside. Information
 * for the operator, not a problem: the app never reads them, and only a person deletes them.
 */
export function orphanedCount(profileDir: string): number {
  return countEntries(join(profileDir, ORPHANED_DIR));
}

function countEntries(dir: string): number {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return 0;
  }
  let count = 0;
  for (const name of names) {
    try {
      count += lstatSync(join(dir, name)).isDirectory() ? countEntries(join(dir, name)) : 1;
    } catch {
      // Removed meanwhile.
    }
  }
  return count;
}
