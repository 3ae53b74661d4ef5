import { lstatSync } from 'node:fs';

/**
 * True when something is at `path`, whatever it is, without following a link (`existsSync`
 * follows one and answers for its target): the file operations that move or remove entries
 * deal with the entry itself, a dangling link included.
 */
export function entryExists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
