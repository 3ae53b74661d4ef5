import { h, type VNode } from 'vue';
import type { ReportItem } from '../../quests';
import { store, t } from '../../store';
import { errorParts, formatDate } from '../../ui';
import { partError } from './parts';
import { outputLabel } from './quest-picker';
import type { AttemptView, Part } from './training-data';

/** The talk's attempts, newest first: each with its score, or its own error when its feedback cannot be read. */
export function attemptList({ value, problem }: Part<AttemptView[]>): VNode {
  return h('section', { class: 'attempts', 'aria-labelledby': 'attempts-heading' }, [
    h('h3', { id: 'attempts-heading' }, t('training.attemptsTitle')),
    problem ? partError(problem) : null,
    value && value.length === 0 ? h('p', { class: 'muted attempt-empty' }, t('training.noAttempts')) : null,
    value && value.length > 0 ? h('ol', { class: 'cards', id: 'attempt-list' }, value.map(attemptItem)) : null,
  ]);
}

function attemptItem({ attempt, feedback }: AttemptView): VNode {
  return h('li', { class: 'card', 'data-attempt-id': attempt.id }, [
    h('div', { class: 'row spread' }, [
      h('strong', { class: 'attempt-quest' }, attempt.quest_title),
      h('span', { class: 'muted' }, `${formatDate(attempt.created_at, store.locale)} · ${outputLabel(attempt)}`),
      feedback === null
        ? h('span', { class: 'muted' }, t('training.noFeedback'))
        : feedback.problem
          ? h('span', { class: 'attempt-error' }, errorParts(feedback.problem, store.locale))
          : h('span', { class: 'score' }, t('training.score', { score: feedback.value?.overall_score ?? 0 })),
    ]),
  ]);
}

/** The report of the talk: every quest with its latest attempt, so what is left to try shows. */
export function questReport({ value, problem }: Part<ReportItem[]>): VNode {
  return h('section', { class: 'report', 'aria-labelledby': 'report-heading' }, [
    h('h3', { id: 'report-heading' }, t('training.report')),
    problem ? partError(problem) : null,
    value && value.length === 0 ? h('p', { class: 'muted' }, t('training.noQuests')) : null,
    value && value.length > 0
      ? h('table', { id: 'quest-report' }, [
          h('thead', [h('tr', [h('th', { scope: 'col' }, t('training.reportQuest')), h('th', { scope: 'col' }, t('training.reportLatest')), h('th', { scope: 'col' }, t('training.reportFeedback'))])]),
          h(
            'tbody',
            value.map((item) =>
              h('tr', { 'data-quest-code': item.quest_code }, [
                h('th', { scope: 'row' }, [item.quest_title, h('span', { class: 'muted' }, ` · ${outputLabel(item)}`)]),
                h('td', { class: 'report-latest' }, item.attempt_created_at ? formatDate(item.attempt_created_at, store.locale) : t('training.notTried')),
                h('td', { class: 'report-feedback' }, item.attempt_id === null ? '' : item.has_feedback ? t('training.feedbackReady') : t('training.noFeedback')),
              ]),
            ),
          ),
        ])
      : null,
  ]);
}
