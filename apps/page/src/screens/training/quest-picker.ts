import { h, type VNode } from 'vue';
import type { DailyQuest, Quest } from '../../quests';
import { t } from '../../store';
import { button } from '../../ui';
import type { Part } from './training-data';
import { partError } from './parts';

/** How a quest is answered, in the page's words. */
export const outputLabel = (quest: Pick<Quest, 'output_type'>): string =>
  quest.output_type === 'text' ? t('training.outputText') : quest.output_type === 'audio' ? t('training.outputAudio') : quest.output_type;

/** A quest's estimated length in whole minutes, at least one. */
export const estimatedMinutes = (seconds: number): string => String(Math.max(1, Math.round(seconds / 60)));

/** The quest of the day for this talk, why it was picked, and whether a boss run is due. */
export function dailyCard({ value, problem }: Part<DailyQuest>, chooseQuest: (code: string) => void): VNode {
  return h('section', { class: 'card daily', id: 'daily-quest', 'aria-labelledby': 'daily-heading' }, [
    h('h3', { id: 'daily-heading' }, t('training.daily')),
    problem ? partError(problem) : null,
    value
      ? h('div', { class: 'stack' }, [
          h('strong', { class: 'daily-title' }, value.quest.title),
          h('p', { class: 'daily-prompt' }, value.quest.prompt),
          h('p', { class: 'muted daily-why' }, t('training.whyDaily', { why: value.why })),
          value.due_boss_run ? h('p', { class: 'badge boss' }, t('training.bossDue')) : null,
          h('div', [button(t('training.doDaily'), () => chooseQuest(value.quest.code), { kind: 'primary' })]),
        ])
      : null,
  ]);
}

/** Every quest of the profile's catalogue, any of which can be done now. */
export function questList({ value, problem }: Part<Quest[]>, selected: string | null, chooseQuest: (code: string) => void): VNode {
  return h('section', { class: 'quests', 'aria-labelledby': 'quests-heading' }, [
    h('h3', { id: 'quests-heading' }, t('training.quests')),
    problem ? partError(problem) : null,
    value && value.length === 0 ? h('p', { class: 'muted' }, t('training.noQuests')) : null,
    value && value.length > 0
      ? h(
          'ul',
          { class: 'cards', id: 'quest-list' },
          value.map((quest) =>
            h('li', { class: ['card', quest.code === selected ? 'current' : ''], 'data-quest-code': quest.code }, [
              h('div', { class: 'row spread' }, [
                h('strong', { class: 'quest-title' }, quest.title),
                h('span', { class: 'muted' }, t('training.questMeta', { category: quest.category, output: outputLabel(quest), minutes: estimatedMinutes(quest.estimated_sec) })),
                quest.code === selected
                  ? h('span', { class: 'badge' }, t('training.chosen'))
                  : button(t('training.choose', { quest: quest.title }), () => chooseQuest(quest.code)),
              ]),
            ]),
          ),
        )
      : null,
  ]);
}
