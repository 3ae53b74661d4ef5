import { defineComponent, h } from 'vue';
import { version } from '../../package.json';
import { t } from '../store';

/** Help: the four steps of the app, what it does not do, where the data lives, and its version. */
export const HelpScreen = defineComponent({
  name: 'HelpScreen',
  setup() {
    return () =>
      h('section', { 'aria-labelledby': 'help-heading' }, [
        h('h2', { id: 'help-heading' }, t('help.title')),
        h('h3', t('help.steps')),
        h('ol', [h('li', t('help.step1')), h('li', t('help.step2')), h('li', t('help.step3')), h('li', t('help.step4'))]),
        h('p', t('help.recognition')),
        h('p', t('help.privacy')),
        h('h3', t('help.about')),
        h('p', { class: 'version' }, t('help.version', { version })),
      ]);
  },
});
