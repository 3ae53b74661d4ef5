import type { Migration } from '../migration';
import init from './0001_init';
import outlineAndSettings from './0002_outline_and_settings';
import talkTrainingFlag from './0003_talk_training_flag';
import talkNumbersBackfill from './0004_talk_numbers_backfill';
import runsAudioNullable from './0005_runs_audio_nullable';
import seedQuests from './0006_seed_quests';
import fkConstraints from './0007_fk_constraints';
import uniqueTalkNumbers from './0008_unique_talk_numbers';
import lookupIndexes from './0009_lookup_indexes';
import runPaceEstimated from './0010_run_pace_estimated';

/**
 * The profile scope's history, in order. The first seven ids are the previous app's and are
 * fixed forever; 0008 on are this platform's. Append only: ids and content are frozen once
 * shipped.
 */
export const PROFILE_MIGRATIONS: readonly Migration[] = [
  init,
  outlineAndSettings,
  talkTrainingFlag,
  talkNumbersBackfill,
  runsAudioNullable,
  seedQuests,
  fkConstraints,
  uniqueTalkNumbers,
  lookupIndexes,
  runPaceEstimated,
];
