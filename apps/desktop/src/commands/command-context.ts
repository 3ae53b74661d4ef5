import type { DatabaseHandle } from '@lepupitre/db-core';

/** A profile's open database and its folder (artifacts, exports), for the commands of one call. */
export interface ProfileSession {
  readonly id: string;
  readonly db: DatabaseHandle;
  /** The profile's folder: artifact and export paths resolve inside it. */
  readonly dir: string;
}

/**
 * What a command gets from the host. Connections live as long as the host: the global database
 * is opened (checked, migrated, recovered if damaged) once, each profile's database on its
 * first use, and both stay open between commands. Commands never open or close a database.
 */
export interface CommandContext {
  /** The data folder: the global database, `profiles/<id>/` and the exports live under it. */
  readonly dataDir: string;
  /** The app version written into packs. */
  readonly appVersion: string;
  /** Where the global database lives (diagnostics read it through their own connection). */
  readonly globalDatabasePath: string;
  /** The global database. */
  global(): DatabaseHandle;
  /**
   * The profile's session. Checks first that the profile exists in the global database
   * (`profile_not_found`), then opens its database if this host has not yet.
   */
  profile(profileId: string): ProfileSession;
  /** The profile's database if this host already has it open, without checking or opening anything. */
  heldProfileDatabase(profileId: string): DatabaseHandle | null;
  /** Closes the profile's database if this host has it open (before its folder moves away). */
  releaseProfile(profileId: string): void;
}
