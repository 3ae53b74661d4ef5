import { isDbError, DbErrorCode, type ArtifactSweepReport, type DatabaseHandle } from '@lepupitre/db-core';
import { openWithRecovery, type RecoveryReport } from '@lepupitre/db-ops';
import { ensureProfileExists, profileDatabasePath } from '@lepupitre/repo-workspace';
import { dirname, join } from 'node:path';
import type { CommandContext, ProfileSession } from '../commands/command-context';

export const GLOBAL_DATABASE_FILE = 'global.db';

/** Profile databases kept open at once; the least recently used beyond that are closed. */
export const OPEN_PROFILES_LIMIT = 4;

export interface HostConnectionsOptions {
  readonly dataDir: string;
  readonly appVersion: string;
  /** Told when opening a database had to recover it (the host shows what happened). */
  readonly onRecovery?: (label: string, report: RecoveryReport) => void;
  /** Told when opening a profile found files that killed writers left under `artifacts/`. */
  readonly onArtifactSweep?: (label: string, report: ArtifactSweepReport) => void;
}

/**
 * The connections of one host process, opened once and kept: the global database at the first
 * command, each profile's database at its first use (the active profile's is the one the UI
 * keeps using). Every open goes through `openWithRecovery`: posture checked, history validated,
 * migrations applied, and a damaged file recovered from what can be salvaged and the backups.
 *
 * A command that meets corruption while working (`DB_CORRUPT`) makes the host drop its
 * connections and hold every file it had open as suspect: the next open of a suspect file runs
 * the quick check whatever the shutdown was (damage met at run time leaves no unclean-shutdown
 * sign), and a failing check recovers the file before the command goes on.
 */
export class HostConnections implements CommandContext {
  readonly dataDir: string;
  readonly appVersion: string;
  private globalDb: DatabaseHandle | null = null;
  /** Insertion order is recency order: a use moves the entry to the end. */
  private readonly profiles = new Map<string, ProfileSession>();
  private readonly onRecovery: HostConnectionsOptions['onRecovery'];
  private readonly onArtifactSweep: HostConnectionsOptions['onArtifactSweep'];
  /** Files open when a command met corruption: checked at their next open. */
  private readonly suspect = new Set<string>();

  constructor(options: HostConnectionsOptions) {
    this.dataDir = options.dataDir;
    this.appVersion = options.appVersion;
    this.onRecovery = options.onRecovery;
    this.onArtifactSweep = options.onArtifactSweep;
  }

  get globalDatabasePath(): string {
    return join(this.dataDir, GLOBAL_DATABASE_FILE);
  }

  global(): DatabaseHandle {
    if (this.globalDb === null) this.globalDb = this.open(this.globalDatabasePath, 'global', GLOBAL_DATABASE_FILE);
    return this.globalDb;
  }

  profile(profileId: string): ProfileSession {
    ensureProfileExists(this.global(), profileId);
    const open = this.profiles.get(profileId);
    if (open) {
      this.profiles.delete(profileId);
      this.profiles.set(profileId, open);
      return open;
    }
    const path = profileDatabasePath(this.dataDir, profileId);
    const session: ProfileSession = { id: profileId, db: this.open(path, 'profile', `profiles/${profileId}`), dir: dirname(path) };
    this.profiles.set(profileId, session);
    this.evictBeyondLimit();
    return session;
  }

  heldProfileDatabase(profileId: string): DatabaseHandle | null {
    return this.profiles.get(profileId)?.db ?? null;
  }

  /** The profiles whose database is open, least recently used first. */
  get openProfiles(): readonly string[] {
    return [...this.profiles.keys()];
  }

  releaseProfile(profileId: string): void {
    const session = this.profiles.get(profileId);
    if (!session) return;
    this.profiles.delete(profileId);
    session.db.close();
  }

  /** Reacts to a command's failure: corruption drops every connection so the next open recovers. */
  noteFailure(error: unknown): void {
    if (!isDbError(error) || error.code !== DbErrorCode.CORRUPT) return;
    // Which connection failed is not known: every open file is checked at its next open.
    if (this.globalDb !== null) this.suspect.add(this.globalDatabasePath);
    for (const id of this.profiles.keys()) this.suspect.add(profileDatabasePath(this.dataDir, id));
    this.close();
  }

  /**
   * Closes everything (host shutdown); a later command opens again. Every handle is closed even
   * if one fails to; the first failure is raised afterwards.
   */
  close(): void {
    const handles = [...[...this.profiles.values()].map((session) => session.db), ...(this.globalDb ? [this.globalDb] : [])];
    this.profiles.clear();
    this.globalDb = null;
    let failure: unknown = null;
    for (const handle of handles) {
      try {
        handle.close();
      } catch (error) {
        failure ??= error;
      }
    }
    if (failure !== null) throw failure;
  }

  private open(path: string, scope: 'global' | 'profile', label: string): DatabaseHandle {
    // global.db lies in the data folder, the user's; a profile's database in its own folder, the app's.
    const folderOwner = scope === 'profile' ? 'app' : 'user';
    const opened = openWithRecovery(path, scope, { integrityCheck: this.suspect.has(path) ? 'always' : 'auto', folderOwner });
    this.suspect.delete(path);
    if (opened.recovery) this.onRecovery?.(label, opened.recovery);
    const sweep = opened.report.artifactSweep;
    if (sweep && (sweep.temporaryRemoved > 0 || sweep.straysSetAside > 0 || sweep.deferred)) this.onArtifactSweep?.(label, sweep);
    return opened.db;
  }

  private evictBeyondLimit(): void {
    while (this.profiles.size > OPEN_PROFILES_LIMIT) {
      const oldest = this.profiles.keys().next().value;
      if (oldest === undefined) return;
      this.releaseProfile(oldest);
    }
  }
}
