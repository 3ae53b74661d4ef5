import { trimUnicodeWhiteSpace } from '@lepupitre/domain-primitives';

/**
 * Editor text to segment texts: one segment per line (`\n`), a trailing `\r` removed, each
 * line trimmed, blank lines dropped.
 */
export function editorLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => trimUnicodeWhiteSpace(line.endsWith('\r') ? line.slice(0, -1) : line))
    .filter((line) => line !== '');
}
