import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Gives every `artifacts` row of a profile database a file of its recorded size, and records
 * that file's real sha256: fixtures that insert rows alone would otherwise be reported by
 * doctor as rows without files.
 */
export function writeFilesForArtifactRows(path: string): void {
  const profileDir = dirname(path);
  const db = new Database(path);
  try {
    const rows = db.prepare('SELECT id, local_relpath, bytes FROM artifacts').all() as { id: string; local_relpath: string; bytes: number }[];
    const update = db.prepare('UPDATE artifacts SET sha256 = ? WHERE id = ?');
    db.transaction(() => {
      for (const row of rows) {
        const content = Buffer.alloc(row.bytes, row.id);
        const file = join(profileDir, row.local_relpath);
        mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
        writeFileSync(file, content, { mode: 0o600 });
        update.run(createHash('sha256').update(content).digest('hex'), row.id);
      }
    })();
  } finally {
    db.close();
  }
}
