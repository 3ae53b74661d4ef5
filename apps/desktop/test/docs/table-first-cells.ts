/** A separator row: `|---|:--|`. */
const SEPARATOR = /^\|[\s|:-]+$/;

/**
 * The first cell of every table row of a Markdown text, trimmed (header rows included, separator
 * rows not). The docs list one entry per row, named in its first cell: looking there, and not
 * anywhere in the text, keeps a name mentioned in passing from counting as documented.
 */
export function tableFirstCells(markdown: string): string[] {
  return markdown
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('|') && !SEPARATOR.test(line))
    .map((line) => (line.slice(1).split(/(?<!\\)\|/)[0] ?? '').trim());
}
