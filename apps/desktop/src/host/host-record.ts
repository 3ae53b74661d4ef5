import { OWNER_ONLY_FILE_MODE } from '@lepupitre/db-core';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The running host's record, at the root of the data folder. */
export const HOST_RECORD_FILE = 'app-host.json';

/**
 * Who serves a data folder: enough for a second `npm start` to find the first and name its
 * address. Never the token: it would then be on disk, where it outlives the launch and travels
 * with the folder (copies, synchronised folders), while it is meant to live only in the host's
 * memory and the address it printed.
 */
export interface HostRecord {
  readonly pid: number;
  readonly port: number;
  /** ISO 8601, for the message that names the running host. */
  readonly startedAt: string;
}

export function hostRecordPath(dataDir: string): string {
  return path.join(dataDir, HOST_RECORD_FILE);
}

/**
 * Replaces the record as a whole (a temporary file renamed over it), so a reader sees the old
 * record, the new one or none, never half of one. Only the holder of the folder's host lock
 * writes it, so a fixed temporary name is enough; it is owner-only like everything the app writes.
 */
export function writeHostRecord(dataDir: string, record: HostRecord): void {
  const target = hostRecordPath(dataDir);
  const temporary = `${target}.tmp`;
  rmSync(temporary, { force: true });
  writeFileSync(temporary, `${JSON.stringify(record)}\n`, { flag: 'wx', mode: OWNER_ONLY_FILE_MODE });
  renameSync(temporary, target);
}

/** The record, or null when there is none or it is not one (a stale or foreign file). */
export function readHostRecord(dataDir: string): HostRecord | null {
  let text: string;
  try {
    text = readFileSync(hostRecordPath(dataDir), 'utf8');
  } catch {
    return null;
  }
  try {
    const value = JSON.parse(text) as Partial<Record<keyof HostRecord, unknown>>;
    const { pid, port, startedAt } = value;
    if (!isPositiveInteger(pid) || !isPositiveInteger(port) || port > 65535 || typeof startedAt !== 'string') return null;
    return { pid, port, startedAt };
  } catch {
    return null;
  }
}

/** At a clean stop: the folder no longer names a host. */
export function removeHostRecord(dataDir: string): void {
  rmSync(hostRecordPath(dataDir), { force: true });
}

function isPositiveInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}
