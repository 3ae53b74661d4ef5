import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Bytes of every regular file under a folder, as the profile list reports them: 0 for a missing
 * folder; unreadable folders and entries are skipped; symlinks are neither counted nor followed
 * (a link to a large file elsewhere is not the profile's size, and a link loop must not hang).
 */
export function folderSizeBytes(folder: string): number {
  let total = 0;
  const pending = [folder];
  while (pending.length > 0) {
    const dir = pending.pop() as string;
    let entries: string[];
    try {
      if (!lstatSync(dir).isDirectory()) continue;
      entries = readdirSync(dir);
    } catch {
      continue;
    }
    for (const entry of entries) {
      const path = join(dir, entry);
      try {
        const stat = lstatSync(path);
        if (stat.isDirectory()) pending.push(path);
        else if (stat.isFile()) total += stat.size;
      } catch {
        // Vanished or unreadable: the previous app skipped it as well.
      }
    }
  }
  return total;
}
