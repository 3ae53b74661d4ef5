/**
 * How the names of a database's copies begin, in `backups/`, `replaced/` and `corrupted/`.
 *
 * Earlier versions wrote `<stem>-<scope>-`, which for the app's own files repeats itself
 * (`profile-profile-backup-…`, `global-global-pre-…`). A copy is now named `<stem>-` when the
 * file's stem is its scope (`profile-backup-…` for `profile.db`) and `<stem>-<scope>-` only for
 * a file named otherwise (`--file mine.db`); names in the earlier form are still read
 * everywhere (listing, retention, restore, recovery, doctor), so no copy an earlier version
 * made is lost from sight.
 */
export function copyPrefix(stem: string, scope: string): string {
  return stem === scope ? stem : `${stem}-${scope}`;
}

/** Every prefix a copy of this database may carry: today's first, then the earlier form. */
export function copyPrefixes(stem: string, scope: string): readonly string[] {
  const today = copyPrefix(stem, scope);
  const earlier = `${stem}-${scope}`;
  return today === earlier ? [today] : [today, earlier];
}
