/**
 * DOM helpers. Text goes in through `textContent` only: names, titles and feedback are user
 * data and must never be parsed as HTML.
 */
import { ERROR_SENTENCES, FALLBACK_SENTENCE } from './error-sentences.js';

export const byId = (id) => document.getElementById(id);

export function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className !== undefined) node.className = className;
  return node;
}

export function fillSelect(select, items, selectedId, label) {
  select.replaceChildren(...items.map((item) => {
    const option = element('option', label(item));
    option.value = item.id;
    option.selected = item.id === selectedId;
    return option;
  }));
  select.disabled = items.length === 0;
  select.closest('.row').hidden = items.length === 0;
}

/**
 * One run: when it was made, then its feedback (score, pace, what to work on), the error that
 * kept its feedback from being read, or its absence.
 */
export function runItem(run, feedback, problem, locale) {
  const item = element('li');
  item.dataset.runId = run.id;
  item.append(element('span', `${new Date(run.created_at).toLocaleString()}: `));
  if (problem) {
    const box = element('span', undefined, 'run-error');
    box.append(...errorParts(problem, locale));
    item.append(box);
    return item;
  }
  if (!feedback) {
    item.append(element('span', 'no feedback yet', 'muted'));
    return item;
  }
  item.append(element('span', `score ${feedback.overall_score}/100`, 'score'));
  const { wpm, filler_per_min: fillers } = feedback.metrics;
  item.append(element('span', ` · ${Math.round(wpm)} words/min · ${fillers.toFixed(1)} fillers/min`));
  if (feedback.top_actions.length > 0) {
    const actions = element('ul');
    for (const action of feedback.top_actions) actions.append(element('li', `${action.title}: ${action.how_to_fix}`));
    item.append(actions);
  }
  return item;
}

/**
 * An error as a person reads it: the sentence of its code in the page's language (what happened,
 * what to do), then the code once, for support. The catalogue the host serves comes first; the
 * sentences an answer carried cover a code this page was served without.
 */
export function errorParts(error, locale) {
  const sentences = Object.hasOwn(ERROR_SENTENCES, error.code) ? ERROR_SENTENCES[error.code] : error.sentence ?? FALLBACK_SENTENCE;
  const text = typeof sentences?.[locale] === 'string' ? sentences[locale] : FALLBACK_SENTENCE[locale];
  return [element('span', text, 'sentence'), ' ', element('span', `(${error.code})`, 'error-code')];
}
