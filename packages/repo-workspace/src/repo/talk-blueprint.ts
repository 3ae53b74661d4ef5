import { DomainError, trimUnicodeWhiteSpace } from '@lepupitre/domain-primitives';
import type { DatabaseHandle } from '@lepupitre/db-core';
import { attemptStats, blueprintProject, outlineLength, runStats } from '../queries';
import { WorkspaceErrorCode, type BlueprintStepId, type FrameworkId, type TalkBlueprint, type TalkBlueprintStep } from '../types';
import { asciiLowercase, coachLanguage, isBlank, type CoachLanguage } from './coach-text';
import { withProfileDatabase } from './profile-database';

/** An outline counts as structured beyond this many characters (after SQLite's space-only trim, docs/compatibility.md#workspace-18). */
const STRUCTURED_OUTLINE_CHARS = 20;

/** `talks_get_blueprint`: checks the profile, opens its database, builds the blueprint. */
export function getTalkBlueprint(
  db: DatabaseHandle,
  dataDir: string,
  profileId: string,
  projectId: string,
  locale?: string | null,
): TalkBlueprint {
  return withProfileDatabase(db, dataDir, profileId, (profileDb) => readTalkBlueprint(profileDb, projectId, locale));
}

/**
 * The blueprint on an open profile database, for exactly the project asked for (no fallback).
 * A missing project is `project_not_found` (docs/compatibility.md#workspace-17: the previous app said
 * `talks_blueprint_project_lookup: Query returned no rows`; the UI swallows either).
 * Five independent steps: a later one can be done while an earlier one is not (docs/compatibility.md#workspace-22); rehearse
 * and feedback count attempts AND runs, a run without audio included (docs/compatibility.md#workspace-15).
 */
export function readTalkBlueprint(profileDb: DatabaseHandle, projectId: string, locale?: string | null): TalkBlueprint {
  const project = profileDb.get(blueprintProject, { id: projectId });
  if (!project) throw new DomainError(WorkspaceErrorCode.PROJECT_NOT_FOUND);
  const outline = profileDb.get(outlineLength, { projectId })?.n ?? 0;
  const attempts = profileDb.get(attemptStats, { projectId });
  const runs = profileDb.get(runStats, { projectId });
  const language = coachLanguage(locale);
  const done: Record<BlueprintStepId, boolean> = {
    define:
      trimUnicodeWhiteSpace(project.title) !== '' &&
      !isBlank(project.audience) &&
      !isBlank(project.goal) &&
      project.duration_target_sec !== null &&
      project.duration_target_sec > 0,
    structure: outline > STRUCTURED_OUTLINE_CHARS,
    rehearse: (attempts?.total ?? 0) + (runs?.total ?? 0) > 0,
    feedback: (attempts?.with_feedback ?? 0) + (runs?.with_feedback ?? 0) > 0,
    ship: project.stage === 'export',
  };
  const steps = STEPS.map(
    (step): TalkBlueprintStep => ({
      id: step.id,
      title: step.title[language],
      done: done[step.id],
      reward_credits: step.reward,
      cta_route: `/talks/${projectId}/${step.page}`,
    }),
  );
  const doneCount = steps.filter((step) => step.done).length;
  const framework = FRAMEWORKS[chooseFramework(project.goal, project.audience)];
  return {
    project_id: projectId,
    project_title: project.title,
    framework_id: framework.id,
    framework_label: framework.label[language],
    framework_summary: framework.summary[language],
    completion_percent: Math.floor((doneCount * 100) / STEPS.length),
    steps,
    next_step_id: steps.find((step) => !step.done)?.id ?? null,
  };
}

/**
 * English keywords, ASCII-lowercased substring tests, first match wins (docs/compatibility.md#workspace-19): `align` also
 * matches "alignment", and a French goal falls to the default.
 */
export function chooseFramework(goal: string | null, audience: string | null): FrameworkId {
  const g = asciiLowercase(goal ?? '');
  const a = asciiLowercase(audience ?? '');
  if (['convince', 'persuade', 'buy-in', 'align'].some((k) => g.includes(k))) return 'problem-solution-impact';
  if (['update', 'status'].some((k) => g.includes(k)) || ['leadership', 'manager', 'exec'].some((k) => a.includes(k))) {
    return 'context-change-decision';
  }
  return 'hook-story-proof';
}

type Localized = Readonly<Record<CoachLanguage, string>>;

const STEPS: readonly { id: BlueprintStepId; reward: number; page: string; title: Localized }[] = [
  {
    id: 'define',
    reward: 20,
    page: 'define',
    title: { en: 'Define talk scope (title, audience, goal, duration)', fr: 'Definir le talk (titre, audience, objectif, duree)' },
  },
  {
    id: 'structure',
    reward: 30,
    page: 'builder',
    title: { en: 'Build an outline with the recommended framework', fr: "Structurer l'outline avec le cadre recommande" },
  },
  { id: 'rehearse', reward: 25, page: 'train', title: { en: 'Record at least one rehearsal take', fr: 'Faire une repetition en audio' } },
  { id: 'feedback', reward: 25, page: 'train', title: { en: 'Generate at least one feedback pass', fr: 'Generer au moins un feedback' } },
  { id: 'ship', reward: 40, page: 'export', title: { en: 'Move this talk to export stage', fr: 'Passer le talk au stade export' } },
];

const FRAMEWORKS: Readonly<Record<FrameworkId, { id: FrameworkId; label: Localized; summary: Localized }>> = {
  'problem-solution-impact': {
    id: 'problem-solution-impact',
    label: { en: 'Problem -> Solution -> Impact', fr: 'Probleme -> Solution -> Impact' },
    summary: {
      en: 'Best when you need buy-in and a clear decision path for your audience.',
      fr: 'Cadre ideal pour obtenir une decision et clarifier le benefice attendu.',
    },
  },
  'context-change-decision': {
    id: 'context-change-decision',
    label: { en: 'Context -> Change -> Decision', fr: 'Contexte -> Changement -> Decision' },
    summary: {
      en: 'Great for status talks: what changed, why it matters, and what decision is needed.',
      fr: 'Utile pour les updates: ce qui change, pourquoi, et la decision attendue.',
    },
  },
  'hook-story-proof': {
    id: 'hook-story-proof',
    label: { en: 'Hook -> Story -> Proof', fr: 'Hook -> Story -> Proof' },
    summary: {
      en: 'Versatile baseline for talks that need clarity, narrative flow, and evidence.',
      fr: 'Cadre polyvalent pour une prise de parole claire, concrete et memorable.',
    },
  },
};
