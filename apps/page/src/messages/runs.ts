import { defineMessages } from './define';

export const runs = defineMessages(
  {
    'runs.title': 'Runs of {talk}',
    'runs.empty': 'No run yet.',
    'runs.noFeedback': 'no feedback yet',
    'runs.score': 'score {score}/100',
    'runs.pace': '{wpm} words/min',
    'runs.paceEstimated': 'about {wpm} words/min (estimated: no recording)',
    'runs.fillers': '{fillers} fillers/min',
    'runs.details': 'Feedback',
    'runs.hide': 'Hide',
    'runs.analyse': 'Get feedback',
    'runs.analysing': 'Analysing the run…',
    'runs.analysed': 'Feedback ready.',
  },
  {
    'runs.title': 'Essais de {talk}',
    'runs.empty': 'Aucun essai pour l’instant.',
    'runs.noFeedback': 'pas encore de retour',
    'runs.score': 'score {score}/100',
    'runs.pace': '{wpm} mots/min',
    'runs.paceEstimated': 'environ {wpm} mots/min (estimé : pas d’enregistrement)',
    'runs.fillers': '{fillers} tics/min',
    'runs.details': 'Retour',
    'runs.hide': 'Masquer',
    'runs.analyse': 'Obtenir le retour',
    'runs.analysing': 'Analyse de l’essai…',
    'runs.analysed': 'Retour prêt.',
  },
);
