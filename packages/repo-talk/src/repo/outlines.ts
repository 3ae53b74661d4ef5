import { DomainError, utcNow } from '@lepupitre/domain-primitives';
import type { DatabaseHandle } from '@lepupitre/db-core';
import { projectFlags, projectOutline, upsertOutline } from '../queries';
import { TalkErrorCode, type ExportedFile, type OutlineView, type WriteOptions } from '../types';
import { writeExportFile } from './export-files';
import { defaultOutline } from './outline-template';

/**
 * `outline_get`: the saved outline, or the default template built from the current title with
 * `updated_at: null`. An unknown talk is `project_not_found` (the previous app answered
 * `project_lookup: Query returned no rows` here and `project_not_found` in `outline_set`).
 */
export function getOutline(db: DatabaseHandle, projectId: string): OutlineView {
  const row = db.get(projectOutline, { projectId });
  if (!row) throw new DomainError(TalkErrorCode.PROJECT_NOT_FOUND);
  return row.outline_md === null
    ? { project_id: projectId, markdown: defaultOutline(row.title), updated_at: null }
    : { project_id: projectId, markdown: row.outline_md, updated_at: row.updated_at };
}

/**
 * `outline_set`: stores the markdown exactly as given (empty included). Keeps the first save's
 * `created_at`; does not touch the talk's `updated_at`, which orders the talk list.
 */
export function setOutline(db: DatabaseHandle, projectId: string, markdown: string, options: WriteOptions = {}): void {
  const now = (options.now ?? utcNow)();
  db.transaction(() => {
    if (!db.get(projectFlags, { id: projectId })) throw new DomainError(TalkErrorCode.PROJECT_NOT_FOUND);
    db.run(upsertOutline, { projectId, markdown, now });
  });
}

/**
 * `export_outline`: writes the outline (saved or default) unchanged to
 * `<profile dir>/exports/outline/<projectId>.md`, replacing the previous export atomically.
 * Not an artifact: nothing is recorded in the database.
 */
export function exportOutline(db: DatabaseHandle, profileDir: string, projectId: string): ExportedFile {
  const outline = getOutline(db, projectId);
  return { path: writeExportFile(db, profileDir, 'outline', projectId, 'md', outline.markdown) };
}
