import type { FeedbackAction, FeedbackComment, FeedbackMetrics, FeedbackV1 } from '../../types';

/*
 * The exact bytes of a stored feedback document: compact JSON, keys in declaration
 * order, integers plain, doubles in the previous app's shortest round-trip style. A plain
 * `JSON.stringify` would write `22` where the previous app wrote `22.0` (docs/compatibility.md#feedback-5), so the
 * artifact's sha256 would differ for the same analysis.
 */

/**
 * A double as the previous app wrote it: exponent form when non-zero and below 1e-5 or at least
 * 1e16 in magnitude (`1e-7`, `1.234e-6`, `1e+16`), a trailing `.0` on integral values, and
 * otherwise the same shortest digits as `Number#toString`.
 */
export function formatFloat(value: number): string {
  if (!Number.isFinite(value)) {
    // JSON has no spelling for these; the previous app's writer emitted null.
    return 'null';
  }
  const magnitude = Math.abs(value);
  if (value !== 0 && (magnitude < 1e-5 || magnitude >= 1e16)) return value.toExponential();
  if (Number.isInteger(value)) return Object.is(value, -0) ? '-0.0' : `${value}.0`;
  return String(value);
}

/** An integer field (`overall_score`, `pause_count`, comment times). */
function formatInteger(value: number): string {
  return Number.isInteger(value) ? String(value) : formatFloat(value);
}

/** JSON string escaping matches the previous app's for every string a feedback can hold. */
function str(value: string): string {
  return JSON.stringify(value);
}

function strings(values: readonly string[]): string {
  return `[${values.map(str).join(',')}]`;
}

function action(a: FeedbackAction): string {
  return (
    `{"action_id":${str(a.action_id)},"title":${str(a.title)},"why_it_matters":${str(a.why_it_matters)},` +
    `"how_to_fix":${str(a.how_to_fix)},"target_quest_codes":${strings(a.target_quest_codes)}}`
  );
}

function comment(c: FeedbackComment): string {
  return (
    `{"t_start_ms":${formatInteger(c.t_start_ms)},"t_end_ms":${formatInteger(c.t_end_ms)},` +
    `"severity":${str(c.severity)},"label":${str(c.label)},"evidence":${jsonValue(c.evidence ?? null)},` +
    `"suggestion":${str(c.suggestion)}}`
  );
}

/**
 * An arbitrary JSON value (comment evidence) as the previous app's generic JSON map wrote it:
 * object keys sorted, integers plain, other numbers in the double style.
 */
function jsonValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') return formatInteger(value);
  if (typeof value === 'string') return str(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return `[${value.map(jsonValue).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${str(k)}:${jsonValue(v)}`).join(',')}}`;
}

function metrics(m: FeedbackMetrics): string {
  return (
    `{"wpm":${formatFloat(m.wpm)},"filler_per_min":${formatFloat(m.filler_per_min)},` +
    `"pause_count":${formatInteger(m.pause_count)},"avg_sentence_words":${formatFloat(m.avg_sentence_words)},` +
    `"repeat_terms":${strings(m.repeat_terms)},"jargon_terms":${strings(m.jargon_terms)},` +
    `"density_score":${formatFloat(m.density_score)}}`
  );
}

/** The stored form of a feedback document, no trailing newline. */
export function serializeFeedback(feedback: FeedbackV1): string {
  return (
    `{"schema_version":${str(feedback.schema_version)},"overall_score":${formatInteger(feedback.overall_score)},` +
    `"top_actions":[${feedback.top_actions.map(action).join(',')}],` +
    `"comments":[${feedback.comments.map(comment).join(',')}],"metrics":${metrics(feedback.metrics)}}`
  );
}
