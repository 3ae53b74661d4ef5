import type BetterSqlite3 from 'better-sqlite3';
import { PROBE_SQL, TRACKING_SQL } from './queries';

export interface TrackingRow {
  readonly version: string;
  readonly appliedAt: string;
  readonly checksum: string | null;
}

/** What the engine reads of a database before deciding anything. Reads only. */
export interface HistorySnapshot {
  /** null when there is no `schema_migrations` table. */
  readonly rows: readonly TrackingRow[] | null;
  readonly hasChecksumColumn: boolean;
  /** Tables other than SQLite's own and the tracking table. */
  readonly userTableCount: number;
}

export function readHistory(db: BetterSqlite3.Database): HistorySnapshot {
  const tableExists = db.prepare(TRACKING_SQL.tableExists).get() !== undefined;
  const total = (db.prepare(PROBE_SQL.userTableCount).get() as { n: number }).n;
  if (!tableExists) return { rows: null, hasChecksumColumn: false, userTableCount: total };
  const columns = (db.prepare(TRACKING_SQL.columns).all() as { name: string }[]).map((c) => c.name);
  const hasChecksumColumn = columns.includes('checksum');
  const rows = (
    db.prepare(hasChecksumColumn ? TRACKING_SQL.rowsWithChecksum : TRACKING_SQL.rowsWithoutChecksum).all() as {
      version: string;
      applied_at: string;
      checksum: string | null;
    }[]
  ).map((row) => ({ version: String(row.version), appliedAt: String(row.applied_at), checksum: row.checksum }));
  return { rows, hasChecksumColumn, userTableCount: total - 1 };
}

/** Creates the table on a fresh file, or adds the checksum column to the previous app's. */
export function ensureTrackingTable(db: BetterSqlite3.Database): void {
  db.exec(TRACKING_SQL.create);
  const columns = (db.prepare(TRACKING_SQL.columns).all() as { name: string }[]).map((c) => c.name);
  if (!columns.includes('checksum')) db.exec(TRACKING_SQL.addChecksumColumn);
}

export function recordMigration(db: BetterSqlite3.Database, version: string, appliedAt: string, checksum: string): void {
  db.prepare(TRACKING_SQL.insert).run(version, appliedAt, checksum);
}

/** Rows the previous app recorded carry no checksum: they are trusted and given the current one. */
export function backfillChecksums(db: BetterSqlite3.Database, checksums: ReadonlyMap<string, string>): void {
  const stmt = db.prepare(TRACKING_SQL.backfillChecksum);
  for (const [version, checksum] of checksums) stmt.run(checksum, version);
}
