import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export function sha256Of(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** Every file below `dir` with its size and content hash, for "nothing changed" assertions. */
export function fingerprintTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (current: string): void => {
    if (!existsSync(current)) return;
    for (const entry of readdirSync(current)) {
      const full = join(current, entry);
      if (statSync(full).isDirectory()) walk(full);
      else out[relative(dir, full)] = `${statSync(full).size}:${sha256Of(full)}`;
    }
  };
  walk(dir);
  return out;
}

/**
 * A read-only look at a WAL database may leave empty -wal/-shm companions, as any SQLite
 * reader does; they carry no data. Everything else must be identical.
 */
export function withoutEmptyCompanions(tree: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(tree).filter(([name, print]) => !(/-(wal|shm)$/.test(name) && (print.startsWith('0:') || name.endsWith('-shm')))),
  );
}
