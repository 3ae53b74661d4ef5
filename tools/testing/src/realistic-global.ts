import { openDatabase } from '@lepupitre/db-core';
import { seedGlobal } from '@lepupitre/fixtures';
import Database from 'better-sqlite3';
import { TEST_SAFEGUARDS } from './test-safeguards';

export const REALISTIC_PROFILE_COUNT = 3_000;

const hex = (n: number): string => `prof_${n.toString(16).padStart(32, '0')}`;
const at = (n: number): string => new Date(Date.UTC(2025, 0, 1) + n * 3_600_000).toISOString().replace('Z', '+00:00');

/**
 * A global database far past any real user's (a few profiles): thousands of profiles, one
 * active, and global preferences, created through the real migrations so the schema and
 * indexes are the shipped ones. A query that scans `profiles` here shows it in its plan. For
 * query-plan gates and the committed SQL catalogue of the workspace context.
 */
export function buildRealisticGlobal(path: string, profiles = REALISTIC_PROFILE_COUNT): void {
  openDatabase(path, 'global', { safeguards: TEST_SAFEGUARDS }).db.close();
  const db = new Database(path);
  try {
    seedGlobal(db, (kit) => {
      for (let n = 0; n < profiles; n++) {
        kit.newProfile({ id: hex(n), name: `Profile ${n}`, created_at: at(n), last_opened_at: at(n + 1), is_active: n === profiles - 1 ? 1 : 0 });
      }
      for (let n = 0; n < 200; n++) kit.newSetting({ key: `lepupitre_setting_${n}`, value_json: JSON.stringify({ n }) });
    });
    db.exec('ANALYZE');
  } finally {
    db.close();
  }
}
