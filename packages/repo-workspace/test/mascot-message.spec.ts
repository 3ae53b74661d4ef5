import type { DatabaseHandle } from '@lepupitre/db-core';
import { createProfile, getMascotMessage, profileDatabasePath, type MascotMessageInput } from '../src';
import { fixedClock } from './support/clock';
import { CoachSeed } from './support/coach-seed';
import { codeOf } from './support/errors';
import { openGlobalDatabase } from './support/global-database';
import { useTempDir } from './support/temp-dir';

const now = fixedClock('2026-02-27T12:00:00+00:00');
const FREE = '/quest/FREE?projectId=proj_t&from=training';

describe('mascot message', () => {
  const dir = useTempDir();
  let db: DatabaseHandle;
  let profileId: string;
  let seed: CoachSeed;
  beforeEach(() => {
    db = openGlobalDatabase(dir());
    profileId = createProfile(db, dir(), 'Coached');
    seed = new CoachSeed(profileDatabasePath(dir(), profileId));
    seed.talk({ id: 'proj_t', training: true }).talk({ id: 'proj_a' });
  });
  afterEach(() => {
    seed.close();
    db.close();
  });

  const message = (input: MascotMessageInput) => getMascotMessage(db, dir(), profileId, input, { now });

  it('nudges the first quest on training with no attempt', () => {
    expect(message({ routeName: 'training' })).toEqual({
      id: 'first-quest',
      kind: 'nudge',
      title: 'Start your first rep today',
      body: 'Record one 3-minute take to kick off your speaking loop.',
      cta_label: 'Start a quest',
      cta_route: FREE,
    });
    expect(message({ routeName: ' Training ', locale: 'fr-FR' })).toEqual({
      id: 'first-quest',
      kind: 'nudge',
      title: "Premier pas aujourd'hui",
      body: 'Fais une prise de 3 minutes pour lancer ta routine.',
      cta_label: 'Demarrer une quete',
      cta_route: FREE,
    });
  });

  it('points to waiting feedback, shadowing the streak (docs/compatibility.md#workspace-14)', () => {
    seed
      .attempt('proj_t', '2026-02-27T09:00:00+00:00', { feedback: true })
      .attempt('proj_t', '2026-02-26T09:00:00+00:00', { feedback: true })
      .attempt('proj_t', '2026-02-25T09:00:00+00:00');
    expect(message({ routeName: 'training' })).toEqual({
      id: 'feedback-ready',
      kind: 'coach',
      title: 'Feedback is waiting',
      body: 'You have 2 feedback item(s) to review before the next take.',
      cta_label: 'Review feedback',
      cta_route: null,
    });
    expect(message({ routeName: 'training', locale: 'FR' })).toMatchObject({
      title: 'Feedback pret',
      body: 'Tu as 2 feedback(s) a lire avant la prochaine prise.',
      cta_label: 'Voir les feedbacks',
      cta_route: null,
    });
  });

  it('celebrates a streak of three days or more when no feedback exists', () => {
    seed
      .attempt('proj_t', '2026-02-27T09:00:00+00:00')
      .attempt('proj_t', '2026-02-26T09:00:00+00:00')
      .attempt('proj_t', '2026-02-25T09:00:00+00:00');
    expect(message({ routeName: 'training' })).toEqual({
      id: 'streak',
      kind: 'celebrate',
      title: '3-day streak',
      body: 'Lock in one more session today to keep your weekly rhythm.',
      cta_label: 'Run a quest',
      cta_route: FREE,
    });
    expect(message({ routeName: 'training', locale: 'fr_CA' })).toMatchObject({
      title: 'Serie de 3 jours',
      body: 'Continue encore une session pour securiser ton rythme hebdomadaire.',
      cta_label: 'Lancer la quete',
    });
  });

  it('keeps steady on training with attempts, no feedback and a short streak', () => {
    seed.attempt('proj_t', '2026-02-20T09:00:00+00:00');
    expect(message({ routeName: 'training' }).id).toBe('steady');
  });

  it('plans the weekly runs on talks, or says the week is done', () => {
    seed.attempt('proj_a', '2026-02-27T09:00:00+00:00').attempt('proj_a', '2026-02-26T09:00:00+00:00');
    expect(message({ routeName: 'talks', projectId: 'proj_a' })).toEqual({
      id: 'talks-next-action',
      kind: 'coach',
      title: "Today's priority",
      body: 'Plan 3 short training run(s) to keep your weekly speaking habit on track.',
      cta_label: 'Open Training',
      cta_route: '/training',
    });
    expect(message({ routeName: 'talks', projectId: 'proj_a', locale: 'fr' })).toEqual({
      id: 'talks-next-action',
      kind: 'coach',
      title: 'Priorite du jour',
      body: 'Planifie 3 entrainement(s) court(s) pour tenir ta routine cette semaine.',
      cta_label: 'Aller au training',
      cta_route: '/training',
    });
    for (let h = 1; h <= 4; h++) seed.attempt('proj_a', `2026-02-27T0${h}:00:00+00:00`);
    expect(message({ routeName: 'talks', projectId: 'proj_a' }).body).toBe('Weekly habit complete. You can consolidate with a boss run.');
    expect(message({ routeName: 'talks', projectId: 'proj_a', locale: 'fresh' }).body).toBe(
      'Ta routine hebdo est validee. Tu peux consolider avec un boss run.',
    );
  });

  it('closes the loop on feedback pages', () => {
    expect(message({ routeName: 'FEEDBACK', projectId: 'proj_a' })).toEqual({
      id: 'feedback-iterate',
      kind: 'coach',
      title: 'Close the loop',
      body: 'Pick at most two actions, then run one more attempt in the same session.',
      cta_label: 'Run a quest',
      cta_route: '/quest/FREE?projectId=proj_a&from=training',
    });
    expect(message({ routeName: 'feedback', projectId: 'proj_a', locale: 'fr' })).toMatchObject({
      title: "Boucle d'amelioration",
      body: 'Choisis deux actions max, puis relance une tentative dans la meme seance.',
      cta_label: 'Lancer une quete',
    });
  });

  it('keeps momentum on any other route, in English unless the locale starts with fr (docs/compatibility.md#workspace-21)', () => {
    const english = {
      id: 'steady',
      kind: 'coach',
      title: 'Keep momentum simple',
      body: 'A short quest today beats an ideal long session postponed to tomorrow.',
      cta_label: 'Start now',
      cta_route: FREE,
    };
    expect(message({ routeName: 'settings' })).toEqual(english);
    expect(message({ routeName: 'settings', locale: 'en-GB' })).toEqual(english);
    expect(message({ routeName: 'settings', locale: 'de' })).toEqual(english);
    expect(message({ routeName: 'settings', locale: null })).toEqual(english);
    expect(message({ routeName: 'settings', locale: '  fR-be ' })).toEqual({
      ...english,
      title: 'Reste en mouvement',
      body: "Une courte quete aujourd'hui vaut mieux qu'une longue session remise a plus tard.",
      cta_label: 'Demarrer',
    });
  });

  it('fails with project_not_found when no project resolves, whatever the route (docs/compatibility.md#workspace-16)', () => {
    const other = createProfile(db, dir(), 'Empty');
    expect(codeOf(() => getMascotMessage(db, dir(), other, { routeName: 'settings' }, { now }))).toBe('project_not_found');
  });

  it('fails with profile_not_found for an unknown profile', () => {
    expect(codeOf(() => getMascotMessage(db, dir(), 'prof_00000000000000000000000000000000', { routeName: 'training' }, { now }))).toBe(
      'profile_not_found',
    );
  });
});
