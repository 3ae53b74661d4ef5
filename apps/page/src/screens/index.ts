import type { Component } from 'vue';
import type { MessageKey } from '../i18n';
import { HelpScreen } from './help-screen';
import { MemosScreen } from './memos-screen';
import { PacksScreen } from './packs-screen';
import { ProfilesScreen } from './profiles-screen';
import { RehearseScreen } from './rehearse-screen';
import { RunsScreen } from './runs-screen';
import { SettingsScreen } from './settings-screen';
import { TalksScreen } from './talks-screen';
import { TimelineScreen } from './timeline-screen';
import { TrainingScreen } from './training-screen';

export interface Screen {
  readonly id: string;
  readonly label: MessageKey;
  readonly component: Component;
}

/** The page's screens, in the order of the navigation. */
export const SCREENS: readonly Screen[] = [
  { id: 'profiles', label: 'nav.profiles', component: ProfilesScreen },
  { id: 'talks', label: 'nav.talks', component: TalksScreen },
  { id: 'rehearse', label: 'nav.rehearse', component: RehearseScreen },
  { id: 'training', label: 'nav.training', component: TrainingScreen },
  { id: 'runs', label: 'nav.runs', component: RunsScreen },
  { id: 'timeline', label: 'nav.timeline', component: TimelineScreen },
  { id: 'packs', label: 'nav.packs', component: PacksScreen },
  { id: 'memos', label: 'nav.memos', component: MemosScreen },
  { id: 'settings', label: 'nav.settings', component: SettingsScreen },
  { id: 'help', label: 'nav.help', component: HelpScreen },
];
