import type { DatabaseScope } from '@lepupitre/db-core';

/**
 * One database a command works on. The label is what is printed: never an absolute path, always
 * printable. Its own file because both the target selection (`database-target.ts`) and the
 * data-folder listing it calls (`data-dir-databases.ts`) build targets: with the type in either,
 * the two files would import each other.
 */
export interface DatabaseTarget {
  readonly label: string;
  readonly path: string;
  readonly scope: DatabaseScope;
  /**
   * A profile database of a data folder: the profile's name in the global database, printable,
   * or null when it lists none; absent for the global database and a `--file`.
   */
  readonly profileName?: string | null;
}
