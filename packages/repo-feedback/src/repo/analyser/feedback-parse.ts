import { JsonReader } from '@lepupitre/domain-primitives';
import type { FeedbackAction, FeedbackComment, FeedbackMetrics, FeedbackV1 } from '../../types';
import { FeedbackErrorCode } from '../errors';

const json = new JsonReader(FeedbackErrorCode.FEEDBACK_PARSE_FAILED);

/**
 * Reads a stored feedback document as the previous app did: every top-level key, every
 * action field and all seven metrics are required (`jargon_terms` and `density_score` too, although
 * the UI schema marks them optional); a comment's `evidence` may be absent, `null` or any JSON;
 * unknown keys are dropped. The result has the wire shape, keys in declaration order.
 */
export function parseFeedback(bytes: Uint8Array): FeedbackV1 {
  const root = json.object(json.parse(bytes), 'feedback');
  const metrics = json.object(root['metrics'], 'metrics');
  return {
    schema_version: json.string(root['schema_version'], 'schema_version'),
    overall_score: json.integer(root['overall_score'], 'overall_score'),
    top_actions: json.array(root['top_actions'], 'top_actions').map((item, i) => readAction(item, `top_actions[${i}]`)),
    comments: json.array(root['comments'], 'comments').map((item, i) => readComment(item, `comments[${i}]`)),
    metrics: readMetrics(metrics),
  };
}

function readAction(value: unknown, path: string): FeedbackAction {
  const a = json.object(value, path);
  return {
    action_id: json.string(a['action_id'], `${path}.action_id`),
    title: json.string(a['title'], `${path}.title`),
    why_it_matters: json.string(a['why_it_matters'], `${path}.why_it_matters`),
    how_to_fix: json.string(a['how_to_fix'], `${path}.how_to_fix`),
    target_quest_codes: json.strings(a['target_quest_codes'], `${path}.target_quest_codes`),
  };
}

function readComment(value: unknown, path: string): FeedbackComment {
  const c = json.object(value, path);
  return {
    t_start_ms: json.integer(c['t_start_ms'], `${path}.t_start_ms`),
    t_end_ms: json.integer(c['t_end_ms'], `${path}.t_end_ms`),
    severity: json.string(c['severity'], `${path}.severity`),
    label: json.string(c['label'], `${path}.label`),
    evidence: c['evidence'] ?? null,
    suggestion: json.string(c['suggestion'], `${path}.suggestion`),
  };
}

function readMetrics(m: Readonly<Record<string, unknown>>): FeedbackMetrics {
  return {
    wpm: json.number(m['wpm'], 'metrics.wpm'),
    filler_per_min: json.number(m['filler_per_min'], 'metrics.filler_per_min'),
    pause_count: json.integer(m['pause_count'], 'metrics.pause_count'),
    avg_sentence_words: json.number(m['avg_sentence_words'], 'metrics.avg_sentence_words'),
    repeat_terms: json.strings(m['repeat_terms'], 'metrics.repeat_terms'),
    jargon_terms: json.strings(m['jargon_terms'], 'metrics.jargon_terms'),
    density_score: json.number(m['density_score'], 'metrics.density_score'),
  };
}
