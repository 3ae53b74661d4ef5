/** A separator row: `|---|:--|`. */
const SEPARATOR = /^\|[\s|:-]+$/;

/**
 * The cells of every table row of a Markdown text, trimmed, header rows included and separator
 * rows left out. A cell may hold an escaped pipe (`string \| null`), which does not split it.
 * Entries are looked for in table rows, not anywhere in the text, so that a name mentioned in
 * passing (in prose, or in another entry's description) does not count as documented.
 */
export function tableRows(markdown: string): string[][] {
  return markdown
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('|') && !SEPARATOR.test(line))
    .map((line) =>
      line
        .replace(/^\|/, '')
        .replace(/(?<!\\)\|$/, '')
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim()),
    );
}
