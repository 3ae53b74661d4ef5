/**
 * The outline a talk shows until one is saved. Synthesised on every read from the talk's
 * current title and never stored, so `updated_at: null` keeps meaning "never saved". The text
 * is the previous app's, byte for byte (pack exports embed it).
 */
export function defaultOutline(title: string): string {
  return [
    `# ${title}`,
    '',
    '## Opening',
    '- Hook',
    '- Promise',
    '',
    '## Key points',
    '- Point 1',
    '- Point 2',
    '- Point 3',
    '',
    '## Closing',
    '- Summary',
    '- Call to action',
    '',
  ].join('\n');
}
