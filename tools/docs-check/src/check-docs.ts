import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MIGRATIONS } from '@lepupitre/db-core';
import { CI_WORKFLOW, ROOT_PACKAGE, targetListFindings, testScriptTargets, workflowAffectedTargets } from './ci-targets';
import type { DocFinding } from '@lepupitre/testing';
import { MIGRATIONS_DOC, undocumentedMigrations } from './migrations-doc';
import { compatibilityFindings } from './compatibility-links';

/**
 * The workspace-wide part of the docs gate, for the repository rooted at `root`: every migration
 * of db-core in the migrations doc, CI's affected run on the targets of `npm test`, and every
 * pointer to docs/compatibility.md naming one of its items. The
 * desktop app checks the docs of its own catalogues (IPC commands, CLI commands, error codes) in
 * its `docs-check` target: it imports them directly, which no tool may do with an application.
 */
export function checkDocs(root: string): DocFinding[] {
  const read = (path: string) => readFileSync(join(root, path), 'utf8');
  return [
    ...undocumentedMigrations(read(MIGRATIONS_DOC), MIGRATIONS),
    ...targetListFindings(testScriptTargets(read(ROOT_PACKAGE)), workflowAffectedTargets(read(CI_WORKFLOW))),
    ...compatibilityFindings(root),
  ];
}
