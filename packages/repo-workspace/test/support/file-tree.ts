import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative, sep } from 'node:path';

/** Companions SQLite creates and removes on its own while a connection is open. */
const TRANSIENT = /(-wal|-shm|-journal)$/;

/**
 * Every entry under a folder, folders and database files included (the fault harness's world
 * leaves both out): `dir/` for a folder, `link -> target` for a symlink, a content hash for a
 * file other than a database (a database's bytes change on a checkpoint without any row changing).
 */
export function fileTree(folder: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string): void => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir).sort()) {
      const full = join(dir, entry);
      const rel = relative(folder, full).split(sep).join('/');
      if (TRANSIENT.test(rel)) continue;
      const stat = lstatSync(full);
      if (stat.isSymbolicLink()) out[rel] = 'symlink';
      else if (stat.isDirectory()) {
        out[`${rel}/`] = 'dir';
        walk(full);
      } else if (rel.endsWith('.db')) out[rel] = 'database';
      else out[rel] = createHash('sha256').update(readFileSync(full)).digest('hex');
    }
  };
  walk(folder);
  return out;
}
