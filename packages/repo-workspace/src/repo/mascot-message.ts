import { trimUnicodeWhiteSpace } from '@lepupitre/domain-primitives';
import type { DatabaseHandle } from '@lepupitre/db-core';
import type { ClockOptions, MascotMessage, MascotMessageInput, ProgressSnapshot } from '../types';
import { asciiLowercase, coachLanguage, type CoachLanguage } from './coach-text';
import { withProfileDatabase } from './profile-database';
import { readProgressSnapshot } from './progress-snapshot';

/** `mascot_get_context_message`: checks the profile, opens its database, picks the message. */
export function getMascotMessage(
  db: DatabaseHandle,
  dataDir: string,
  profileId: string,
  input: MascotMessageInput,
  options?: ClockOptions,
): MascotMessage {
  return withProfileDatabase(db, dataDir, profileId, (profileDb) => readMascotMessage(profileDb, input, options));
}

/**
 * The message on an open profile database. The full snapshot comes first, so a missing project
 * fails with `project_not_found` even for a route whose message does not use it (docs/compatibility.md#workspace-16: the
 * UI shows no card on an error). First matching rule wins; on `training`, `feedback-ready`
 * shadows `streak` for any project that ever had feedback (docs/compatibility.md#workspace-14).
 */
export function readMascotMessage(profileDb: DatabaseHandle, input: MascotMessageInput, options?: ClockOptions): MascotMessage {
  const snapshot = readProgressSnapshot(profileDb, input.projectId, options);
  const route = asciiLowercase(trimUnicodeWhiteSpace(input.routeName));
  return pickMessage(route, snapshot, coachLanguage(input.locale));
}

export function pickMessage(route: string, snapshot: ProgressSnapshot, language: CoachLanguage): MascotMessage {
  const fr = language === 'fr';
  // The project id goes into the route verbatim (docs/compatibility.md#workspace-20): ids are [a-z0-9_].
  const freeRoute = `/quest/FREE?projectId=${snapshot.project_id}&from=training`;
  const feedbackReady = Math.max(snapshot.feedback_ready_total, 0);

  if (route === 'training' && snapshot.attempts_total === 0) {
    return {
      id: 'first-quest',
      kind: 'nudge',
      title: fr ? "Premier pas aujourd'hui" : 'Start your first rep today',
      body: fr ? 'Fais une prise de 3 minutes pour lancer ta routine.' : 'Record one 3-minute take to kick off your speaking loop.',
      cta_label: fr ? 'Demarrer une quete' : 'Start a quest',
      cta_route: freeRoute,
    };
  }
  if (route === 'training' && feedbackReady > 0) {
    return {
      id: 'feedback-ready',
      kind: 'coach',
      title: fr ? 'Feedback pret' : 'Feedback is waiting',
      body: fr
        ? `Tu as ${feedbackReady} feedback(s) a lire avant la prochaine prise.`
        : `You have ${feedbackReady} feedback item(s) to review before the next take.`,
      cta_label: fr ? 'Voir les feedbacks' : 'Review feedback',
      cta_route: null,
    };
  }
  if (route === 'training' && snapshot.streak_days >= 3) {
    return {
      id: 'streak',
      kind: 'celebrate',
      title: fr ? `Serie de ${snapshot.streak_days} jours` : `${snapshot.streak_days}-day streak`,
      body: fr
        ? 'Continue encore une session pour securiser ton rythme hebdomadaire.'
        : 'Lock in one more session today to keep your weekly rhythm.',
      cta_label: fr ? 'Lancer la quete' : 'Run a quest',
      cta_route: freeRoute,
    };
  }
  if (route === 'talks') {
    const weeklyLeft = Math.max(snapshot.weekly_target - snapshot.weekly_completed, 0);
    const body =
      weeklyLeft > 0
        ? fr
          ? `Planifie ${weeklyLeft} entrainement(s) court(s) pour tenir ta routine cette semaine.`
          : `Plan ${weeklyLeft} short training run(s) to keep your weekly speaking habit on track.`
        : fr
          ? 'Ta routine hebdo est validee. Tu peux consolider avec un boss run.'
          : 'Weekly habit complete. You can consolidate with a boss run.';
    return {
      id: 'talks-next-action',
      kind: 'coach',
      title: fr ? 'Priorite du jour' : "Today's priority",
      body,
      cta_label: fr ? 'Aller au training' : 'Open Training',
      cta_route: '/training',
    };
  }
  if (route === 'feedback') {
    return {
      id: 'feedback-iterate',
      kind: 'coach',
      title: fr ? "Boucle d'amelioration" : 'Close the loop',
      body: fr
        ? 'Choisis deux actions max, puis relance une tentative dans la meme seance.'
        : 'Pick at most two actions, then run one more attempt in the same session.',
      cta_label: fr ? 'Lancer une quete' : 'Run a quest',
      cta_route: freeRoute,
    };
  }
  return {
    id: 'steady',
    kind: 'coach',
    title: fr ? 'Reste en mouvement' : 'Keep momentum simple',
    body: fr
      ? "Une courte quete aujourd'hui vaut mieux qu'une longue session remise a plus tard."
      : 'A short quest today beats an ideal long session postponed to tomorrow.',
    cta_label: fr ? 'Demarrer' : 'Start now',
    cta_route: freeRoute,
  };
}
