import { h, type VNode } from 'vue';
import { questCodeOfRoute, type MascotMessage, type ProgressSnapshot } from '../../quests';
import { store, t } from '../../store';
import { button, formatDate } from '../../ui';
import type { Part } from './training-data';
import { partError } from './parts';

/**
 * The coach's word for this screen and where the person stands: attempts, streak, the week's
 * target, credits and the next milestone. The coach's link opens the quest it names, here.
 */
export function coachPanel(mascot: Part<MascotMessage>, progress: Part<ProgressSnapshot>, chooseQuest: (code: string) => void): VNode {
  return h('section', { class: 'coach row', 'aria-label': t('training.coach') }, [
    mascotCard(mascot, chooseQuest),
    progressCard(progress),
  ]);
}

function mascotCard({ value, problem }: Part<MascotMessage>, chooseQuest: (code: string) => void): VNode | null {
  if (problem) return h('div', { class: 'card mascot' }, [partError(problem)]);
  if (!value) return null;
  const code = questCodeOfRoute(value.cta_route);
  return h('div', { class: ['card', 'mascot', `mascot-${value.kind}`], 'data-message-id': value.id }, [
    h('strong', { class: 'mascot-title' }, value.title),
    h('p', { class: 'mascot-body' }, value.body),
    code !== null && value.cta_label ? button(value.cta_label, () => chooseQuest(code)) : null,
  ]);
}

function progressCard({ value, problem }: Part<ProgressSnapshot>): VNode | null {
  if (problem) return h('div', { class: 'card progress' }, [partError(problem)]);
  if (!value) return null;
  const line = (key: string, text: string) => h('div', { class: `progress-${key}` }, text);
  return h('div', { class: 'card progress', id: 'training-progress' }, [
    h('strong', t('training.progress')),
    line('attempts', t('training.attempts', { attempts: value.attempts_total, ready: value.feedback_ready_total })),
    line('streak', t('training.streak', { days: value.streak_days })),
    line('weekly', t('training.weekly', { done: value.weekly_completed, target: value.weekly_target })),
    line('credits', t('training.credits', { credits: value.credits })),
    line('milestone', t('training.milestone', { milestone: value.next_milestone })),
    value.last_attempt_at ? line('last', t('training.lastAttempt', { date: formatDate(value.last_attempt_at, store.locale) })) : null,
  ]);
}
