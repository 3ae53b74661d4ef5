import { BACKUPS_DIR, REPLACED_DIR } from '@lepupitre/db-core';
import path from 'node:path';
import type { DatabaseTarget } from './database-target';

/**
 * Where a database's backups and replaced files are, as printed: relative to the data directory
 * (or to the file's folder with `--file`), with `/` on every platform. Never absolute.
 */
export function backupLabel(target: DatabaseTarget, file: string): string {
  return path.posix.join(path.posix.dirname(target.label), BACKUPS_DIR, file);
}

export function replacedLabel(target: DatabaseTarget, file: string): string {
  return path.posix.join(path.posix.dirname(target.label), REPLACED_DIR, file);
}

/** Sizes for people: bytes, KiB, MiB, GiB. */
export function sizeText(bytes: number | null): string {
  if (bytes === null) return 'size unknown';
  const units = ['B', 'KiB', 'MiB', 'GiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${bytes} B` : `${value.toFixed(1)} ${units[unit]}`;
}

/** Ages for people: seconds, minutes, hours, days. */
export function ageText(seconds: number): string {
  if (seconds < 0) return 'in the future (clock changed)';
  if (seconds < 120) return `${seconds} s ago`;
  if (seconds < 7200) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 172800) return `${Math.floor(seconds / 3600)} h ago`;
  return `${Math.floor(seconds / 86400)} days ago`;
}
