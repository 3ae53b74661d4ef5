import { h, type VNode } from 'vue';
import type { Feedback } from '../../feedback';
import { t } from '../../store';

/** What a quest attempt just earned: the result of an answer, shown as soon as it is analysed. */
export interface AttemptResult {
  questTitle: string;
  feedback: Feedback;
}

/** The feedback of an attempt: its score, then each top action with why it matters and how to fix it. */
export function feedbackCard({ questTitle, feedback }: AttemptResult): VNode {
  return h('section', { class: 'card attempt-feedback', 'aria-labelledby': 'attempt-feedback-heading' }, [
    h('h3', { id: 'attempt-feedback-heading' }, t('training.feedbackTitle', { quest: questTitle })),
    h('p', { class: 'score' }, t('training.score', { score: feedback.overall_score })),
    feedback.top_actions.length === 0
      ? h('p', { class: 'muted' }, t('training.noActions'))
      : h(
          'ol',
          { class: 'actions' },
          feedback.top_actions.map((action) =>
            h('li', { class: 'action' }, [
              h('strong', action.title),
              h('p', [h('span', { class: 'muted' }, t('training.why')), ` ${action.why_it_matters}`]),
              h('p', [h('span', { class: 'muted' }, t('training.how')), ` ${action.how_to_fix}`]),
            ]),
          ),
        ),
  ]);
}
