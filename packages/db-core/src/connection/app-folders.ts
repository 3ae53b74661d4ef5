/**
 * The folders the app keeps beside a database. Named here, with the folder preparation that
 * tightens them, so that the operations that write into them (backups, restore, recovery) and the
 * open that prepares them agree on one list.
 */

/** The folder beside a database that holds its backups and pre-migration snapshots. */
export const BACKUPS_DIR = 'backups';

/** The folder beside a database that keeps what a restore replaced. Never emptied by the app. */
export const REPLACED_DIR = 'replaced';

/** The folder beside a database that keeps damaged originals and their recovery reports. */
export const QUARANTINE_DIR = 'corrupted';
