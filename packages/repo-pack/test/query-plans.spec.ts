import { buildRealisticProfile, checkQueryPlans, GROWING_PROFILE_TABLES } from '@lepupitre/testing';
import { join } from 'node:path';
import * as queries from '../src/queries';
import { useTempDirs } from './support/world';

/**
 * Peer reviews have no index on `run_id`, so listing a project's reviews walks them all. No
 * query shape avoids that; the fix is a profile migration adding
 * `CREATE INDEX idx_peer_reviews_run ON peer_reviews(run_id)` (with it the plan becomes
 * SEARCH runs by idx_runs_project_time, SEARCH peer_reviews by idx_peer_reviews_run; it also
 * spares the ON DELETE CASCADE from runs a scan). Until then the scan is bounded by the number
 * of reviews a person receives, the smallest of the growing tables.
 */
/** Written reasons only; none is needed since `0009_lookup_indexes` indexes peer_reviews(run_id). */
const ALLOWLIST: Record<string, string> = {};

describe('query plans of the pack context', () => {
  const tempDir = useTempDirs('all');
  let databasePath: string;
  beforeAll(() => {
    databasePath = join(tempDir(), 'profile.db');
    buildRealisticProfile(databasePath);
  });

  it('scans no growing table outside the written allowances', () => {
    const result = checkQueryPlans(databasePath, queries, { growingTables: GROWING_PROFILE_TABLES, allowlist: ALLOWLIST });
    for (const finding of result.checked) console.log(`${finding.query}\n  ${finding.plan.join('\n  ')}`);
    expect(result.checked.map((f) => f.query).sort()).toEqual(Object.keys(queries).sort());
    expect(result.violations.map((v) => `${v.query}: ${v.scans.join(', ')}`)).toEqual([]);
    expect(result.staleAllowances).toEqual([]);
    expect(result.checked.find((f) => f.query === 'peerReviewsOfProject')?.plan.join(' | ')).toContain('idx_peer_reviews_run');
  });
});
