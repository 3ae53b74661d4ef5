import type { FeedbackMetrics } from './feedback';
import { translate, type MessageKey } from './i18n';
import type { Locale } from './locale';

/** One measured value as a person reads it: what it is, the value with its unit, what it means. */
export interface MetricLine {
  readonly id: keyof FeedbackMetrics;
  readonly label: string;
  readonly value: string;
  readonly meaning: string;
}

/** Label and meaning of each metric, typed so that a missing text fails the type check. */
const TEXTS: Readonly<Record<keyof FeedbackMetrics, readonly [MessageKey, MessageKey]>> = {
  wpm: ['feedback.metric.wpm', 'feedback.metric.wpm.meaning'],
  filler_per_min: ['feedback.metric.filler_per_min', 'feedback.metric.filler_per_min.meaning'],
  pause_count: ['feedback.metric.pause_count', 'feedback.metric.pause_count.meaning'],
  avg_sentence_words: ['feedback.metric.avg_sentence_words', 'feedback.metric.avg_sentence_words.meaning'],
  repeat_terms: ['feedback.metric.repeat_terms', 'feedback.metric.repeat_terms.meaning'],
  jargon_terms: ['feedback.metric.jargon_terms', 'feedback.metric.jargon_terms.meaning'],
  density_score: ['feedback.metric.density_score', 'feedback.metric.density_score.meaning'],
};

const number = (value: number, digits: number, locale: Locale): string =>
  new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);

/**
 * Every metric of a FeedbackV1, in the analyser's order. The raw names (`wpm`,
 * `density_score`) mean nothing to a speaker, so each gets a label, a unit and one sentence
 * on how it is measured. `jargon_terms` and `density_score` are optional in the format: an
 * older file without them says so rather than showing zero.
 */
export function metricLines(metrics: FeedbackMetrics, locale: Locale, paceEstimated = false): MetricLine[] {
  const tr = (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params);
  const terms = (list: readonly string[] | null | undefined) =>
    list === null || list === undefined ? tr('feedback.metric.notMeasured') : list.length === 0 ? tr('feedback.metric.none') : list.join(', ');
  const line = (id: keyof FeedbackMetrics, value: string): MetricLine => ({
    id,
    label: tr(TEXTS[id][0]),
    value,
    meaning: tr(TEXTS[id][1]),
  });
  const density = metrics.density_score;
  return [
    line('wpm', tr(paceEstimated ? 'feedback.unit.wpmEstimated' : 'feedback.unit.wpm', { value: number(metrics.wpm, 0, locale) })),
    line('filler_per_min', tr('feedback.unit.fillers', { value: number(metrics.filler_per_min, 1, locale) })),
    line('pause_count', tr('feedback.unit.pauses', { value: metrics.pause_count })),
    line('avg_sentence_words', tr('feedback.unit.sentence', { value: number(metrics.avg_sentence_words, 1, locale) })),
    line('repeat_terms', terms(metrics.repeat_terms)),
    line('jargon_terms', terms(metrics.jargon_terms)),
    line('density_score', density === null || density === undefined ? tr('feedback.metric.notMeasured') : tr('feedback.unit.density', { value: number(density, 0, locale) })),
  ];
}
