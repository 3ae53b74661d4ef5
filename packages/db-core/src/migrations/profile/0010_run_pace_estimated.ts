import { defineMigration } from '../migration';

/**
 * A run saved without a recording (its transcript typed or imported, its audio silence as long
 * as saying the text takes) has a pace the app made up, not one it measured: the page must say
 * so wherever it shows that run's words per minute, long after the rehearsal screen that knew.
 *
 * `runs.estimated_pace_wpm` holds the pace the silence was made for; NULL means the audio is a
 * real recording, which every run stored before this migration has (the previous app always
 * recorded), so existing rows keep NULL and nothing else changes.
 */
export default defineMigration({
  id: '0010_run_pace_estimated',
  scope: 'profile',
  summary: 'runs.estimated_pace_wpm: the pace a run without a recording was estimated at',
  steps: [
    {
      sql: 'ALTER TABLE runs ADD COLUMN estimated_pace_wpm INTEGER CHECK (estimated_pace_wpm IS NULL OR estimated_pace_wpm > 0)',
      when: { kind: 'columnMissing', table: 'runs', column: 'estimated_pace_wpm' },
    },
  ],
});
