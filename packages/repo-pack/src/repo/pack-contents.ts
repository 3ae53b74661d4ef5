import { readTranscriptDocument, transcriptEndMs } from '@lepupitre/domain-primitives';
import { PACK_SCHEMA_VERSION } from './pack-manifest';
import { RUBRIC_BYTES } from './rubric';

/**
 * The review form a pack carries, generated from the rubric: every score at 3, every free text
 * empty, keys sorted at every level (the previous app built it as a generic JSON map), pretty
 * printed without a trailing newline. With the embedded rubric: 294 bytes, SHA-256 81c29f39….
 */
export function reviewTemplateFor(rubric: Buffer): Buffer {
  const parsed = JSON.parse(rubric.toString('utf8')) as {
    rubric_id?: unknown;
    items?: unknown;
    required_free_text?: unknown;
  };
  const keysOf = (list: unknown): string[] =>
    (Array.isArray(list) ? list : [])
      .map((item) => (item as { key?: unknown } | null)?.key)
      .filter((key): key is string => typeof key === 'string');
  const template = {
    free_text: Object.fromEntries(keysOf(parsed.required_free_text).map((key) => [key, ''])),
    reviewer_tag: '',
    rubric_id: parsed.rubric_id,
    schema_version: PACK_SCHEMA_VERSION,
    scores: Object.fromEntries(keysOf(parsed.items).map((key) => [key, 3])),
    timestamps: [],
  };
  return Buffer.from(JSON.stringify(sortKeysDeep(template), null, 2), 'utf8');
}

export const REVIEW_TEMPLATE_BYTES: Buffer = reviewTemplateFor(RUBRIC_BYTES);

/** `viewer/index.html`: the title HTML-escaped (five characters), every line ending in LF. */
export function viewerHtml(title: string): Buffer {
  const t = title.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] as string);
  return Buffer.from(
    [
      '<!DOCTYPE html>',
      '<html lang="en">',
      '<head>',
      '<meta charset="utf-8" />',
      `<title>${t}</title>`,
      '</head>',
      '<body>',
      `<h1>${t}</h1>`,
      '<p>Open audio.wav and transcript.json from the pack.</p>',
      '</body>',
      '</html>',
      '',
    ].join('\n'),
    'utf8',
  );
}

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** The outline a pack carries when the talk has none (the title goes in unescaped: markdown). */
export function defaultOutline(title: string): string {
  return `# ${title}\n\n## Opening\n- Hook\n- Promise\n\n## Key points\n- Point 1\n- Point 2\n- Point 3\n\n## Closing\n- Summary\n- Call to action\n`;
}

/**
 * The run duration a manifest records: the transcript's `duration_ms` when present (even 0),
 * else the largest segment end, else 0. An empty segment list is fine here. A negative value
 * (the previous app wrote it as it was) is written as 0: an import refuses a negative
 * duration, and the app's own packs must import.
 */
export function transcriptDurationMs(bytes: Buffer): number {
  const transcript = readTranscriptDocument(bytes);
  return Math.max(0, transcript.duration_ms ?? transcriptEndMs(transcript) ?? 0);
}

function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([k, v]) => [k, sortKeysDeep(v)]));
}
