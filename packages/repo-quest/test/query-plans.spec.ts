import { PreparedQuery } from '@lepupitre/db-core';
import { buildRealisticProfile, checkQueryPlans, GROWING_PROFILE_TABLES, type PlanGateResult } from '@lepupitre/testing';
import { join } from 'node:path';
import * as queries from '../src/queries';
import { removeWorlds, tempFolder } from './support/quest-world';

/** The index the de-duplication lookup relies on (profile migration `0009_lookup_indexes`). */
const AUDIO_INDEX = 'idx_attempts_audio_artifact';

/** Written reasons only; none is needed today. */
const ALLOWLIST: Record<string, string> = {};

let databasePath: string;
let result: PlanGateResult;

beforeAll(() => {
  databasePath = join(tempFolder(), 'profile.db');
  buildRealisticProfile(databasePath);
  result = checkQueryPlans(databasePath, queries, { growingTables: GROWING_PROFILE_TABLES, allowlist: ALLOWLIST });
  console.log(result.checked.map((f) => `${f.query}\n  ${f.plan.join('\n  ')}`).join('\n'));
});
afterAll(removeWorlds);

const planOf = (r: PlanGateResult, name: string): string => r.checked.find((f) => f.query === name)?.plan.join(' | ') ?? '';

describe('query plans of the quest context', () => {
  it('checks every query of queries.ts', () => {
    const exported = Object.entries(queries);
    expect(exported.filter(([, value]) => !(value instanceof PreparedQuery)).map(([name]) => name)).toEqual([]);
    expect(result.checked.map((f) => f.query).sort()).toEqual(exported.map(([name]) => name).sort());
  });

  it('finds no full scan of a growing table outside the reasoned allowlist, and no stale allowance', () => {
    expect(result.violations).toEqual([]);
    expect(result.staleAllowances).toEqual([]);
  });

  it('scans nothing under an alias either (the gate matches table names, plans print aliases)', () => {
    const aliasedOrUnknownScans = result.checked
      .filter((f) => !(f.query in ALLOWLIST))
      .flatMap((f) => f.plan.filter((line) => /^SCAN /.test(line) && !/^SCAN quests\b/.test(line)).map((line) => `${f.query}: ${line}`));
    expect(aliasedOrUnknownScans).toEqual([]);
  });

  it('serves the attempt list and the report from idx_attempts_project_time', () => {
    expect(planOf(result, 'attemptsOfProject')).toContain('USING INDEX idx_attempts_project_time (project_id=?)');
    expect(planOf(result, 'questReport')).toContain('USING INDEX idx_attempts_project_time (project_id=?)');
  });

  it('reaches single rows by primary key', () => {
    for (const name of ['attemptForAnalysis', 'setAttemptFeedback', 'setAttemptTranscript', 'projectIdById', 'artifactTypeById']) {
      expect(planOf(result, name)).toMatch(/USING (COVERING )?INDEX sqlite_autoindex_\w+ \(id=\?\)|USING PRIMARY KEY/);
    }
  });

  it(`de-duplicates recordings through ${AUDIO_INDEX}, not a scan`, () => {
    expect(planOf(result, 'attemptByAudioArtifact')).toContain(`USING INDEX ${AUDIO_INDEX} (audio_artifact_id=?)`);
  });
});
