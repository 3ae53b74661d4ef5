import { buildRealisticGlobal, buildRealisticProfile, REALISTIC_SIZES, type RealisticSizes } from '@lepupitre/testing';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type Scope = 'global' | 'profile';
export const SCOPES: readonly Scope[] = ['global', 'profile'];

/** A global and a profile database built through the real migrations, and their tables. */
export interface RealisticDatabases {
  readonly path: Readonly<Record<Scope, string>>;
  readonly tables: Readonly<Record<Scope, ReadonlySet<string>>>;
}

export interface RealisticOptions {
  /** Rows in the global database's `profiles`. */
  readonly profiles?: number;
  readonly sizes?: RealisticSizes;
}

/**
 * Builds the realistic databases of `@lepupitre/testing` in a temporary folder, hands them to
 * `use`, and removes the folder. The plans printed from them are the ones the plan gates judge.
 */
export function withRealisticDatabases<T>(use: (databases: RealisticDatabases) => T, options: RealisticOptions = {}): T {
  const folder = mkdtempSync(join(tmpdir(), 'lepupitre-sql-catalogue-'));
  try {
    const path = { global: join(folder, 'global.db'), profile: join(folder, 'profile.db') };
    buildRealisticGlobal(path.global, options.profiles);
    buildRealisticProfile(path.profile, options.sizes ?? REALISTIC_SIZES);
    return use({ path, tables: { global: tablesOf(path.global), profile: tablesOf(path.profile) } });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function tablesOf(path: string): ReadonlySet<string> {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'").all() as { name: string }[];
    return new Set(rows.map((row) => row.name));
  } finally {
    db.close();
  }
}
