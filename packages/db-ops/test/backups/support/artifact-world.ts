import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { ArtifactStore } from '@lepupitre/db-core';
import { openGuardedDatabase } from '../../../src';

/** What a user would call "the profile": its talks, its artifact rows, and the files under artifacts/. */
export interface ProfileState {
  readonly talks: readonly string[];
  readonly rows: readonly string[];
  /** relpath → sha256 of every file under `artifacts/`. */
  readonly files: Readonly<Record<string, string>>;
}

/** Stores one artifact through the store, in its own transaction, and returns its relpath. */
export function storeArtifact(path: string, type: string, content: string): string {
  const { db } = openGuardedDatabase(path, 'profile');
  try {
    return db.transaction(() => new ArtifactStore(db, join(path, '..')).store({ type, ext: 'bin', bytes: Buffer.from(content), metadata: {} })).localRelpath;
  } finally {
    db.close();
  }
}

export function profileState(path: string): ProfileState {
  const db = new Database(path, { readonly: true });
  try {
    const talks = db.prepare('SELECT title FROM talk_projects ORDER BY id').pluck().all() as string[];
    const rows = db.prepare('SELECT id || \':\' || local_relpath || \':\' || sha256 FROM artifacts ORDER BY id').pluck().all() as string[];
    return { talks, rows, files: filesUnder(join(path, '..'), 'artifacts') };
  } finally {
    db.close();
  }
}

function filesUnder(root: string, folder: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string): void => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (lstatSync(full).isDirectory()) walk(full);
      else out[relative(root, full).split(sep).join('/')] = createHash('sha256').update(readFileSync(full)).digest('hex');
    }
  };
  walk(join(root, folder));
  return out;
}
