import type { Feedback } from '../../feedback';
import { asIpcError, type IpcError } from '../../ipc';
import type { Locale } from '../../locale';
import type { AttemptSummary, DailyQuest, MascotMessage, ProgressSnapshot, Quest, ReportItem } from '../../quests';
import { invoke } from '../../store';

/**
 * One part of the screen as loaded: its value, or the error that kept it from loading. Each part
 * loads on its own, so an unreadable one shows its error while the others still show.
 */
export interface Part<T> {
  value: T | null;
  problem: IpcError | null;
}

export async function settle<T>(work: () => Promise<T>): Promise<Part<T>> {
  try {
    return { value: await work(), problem: null };
  } catch (error) {
    return { value: null, problem: asIpcError(error) };
  }
}

/** An attempt of the list, with its feedback when it has one (or the error reading it). */
export interface AttemptView {
  attempt: AttemptSummary;
  feedback: Part<Feedback> | null;
}

export interface TrainingData {
  progress: Part<ProgressSnapshot>;
  daily: Part<DailyQuest>;
  quests: Part<Quest[]>;
  attempts: Part<AttemptView[]>;
  report: Part<ReportItem[]>;
}

export const emptyTraining = (): TrainingData => ({
  progress: { value: null, problem: null },
  daily: { value: null, problem: null },
  quests: { value: null, problem: null },
  attempts: { value: null, problem: null },
  report: { value: null, problem: null },
});

/** The most attempts the list shows: the router's own maximum. */
const ATTEMPTS_SHOWN = 100;

const readAttempts = async (profileId: string, projectId: string): Promise<AttemptView[]> => {
  const attempts = await invoke<AttemptSummary[]>('quest_attempts_list', { profileId, projectId, limit: ATTEMPTS_SHOWN });
  const views: AttemptView[] = [];
  for (const attempt of attempts) {
    const feedbackId = attempt.feedback_id;
    views.push({ attempt, feedback: feedbackId === null ? null : await settle(() => invoke<Feedback>('feedback_get', { profileId, feedbackId })) });
  }
  return views;
};

/** Everything the screen shows of one talk but the coach's message, each part settled on its own. */
export async function loadTraining(profileId: string, projectId: string): Promise<TrainingData> {
  return {
    progress: await settle(() => invoke<ProgressSnapshot>('progress_get_snapshot', { profileId, projectId })),
    daily: await settle(() => invoke<DailyQuest>('quest_get_daily', { profileId, projectId })),
    quests: await settle(() => invoke<Quest[]>('quest_list', { profileId })),
    attempts: await settle(() => readAttempts(profileId, projectId)),
    report: await settle(() => invoke<ReportItem[]>('quest_report', { profileId, projectId })),
  };
}

/** The coach's message for this screen, in the page's language (it changes with the language). */
export const loadMascot = (profileId: string, projectId: string, locale: Locale): Promise<Part<MascotMessage>> =>
  settle(() => invoke<MascotMessage>('mascot_get_context_message', { profileId, routeName: 'training', projectId, locale }));

/** Analyses a new attempt and reads its feedback, so the person sees it as soon as they answered. */
export async function feedbackOfAttempt(profileId: string, attemptId: string): Promise<Feedback> {
  const { feedbackId } = await invoke<{ feedbackId: string }>('analyze_attempt', { profileId, attemptId });
  return invoke<Feedback>('feedback_get', { profileId, feedbackId });
}
