import { defineQuery, profileQueryBuilder as qb, type QueryParams } from '@lepupitre/db-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildRealisticProfile, checkQueryPlans, GROWING_PROFILE_TABLES } from '../src';

const queries = {
  runsOfTalk: defineQuery((p: QueryParams<{ projectId: string }>) =>
    qb.selectFrom('runs').selectAll().where('project_id', '=', p.projectId).orderBy('created_at', 'desc').limit(12),
  ),
  runsAt: defineQuery((p: QueryParams<{ at: string }>) => qb.selectFrom('runs').select('id').where('created_at', '=', p.at)),
  everyArtifact: defineQuery(() => qb.selectFrom('artifacts').select('id')),
  questByCode: defineQuery((p: QueryParams<{ code: string }>) => qb.selectFrom('quests').selectAll().where('code', '=', p.code)),
  aliasedScan: defineQuery((p: QueryParams<{ text: string }>) =>
    qb.selectFrom('quest_attempts as qa').select('qa.id').where('qa.output_text', '=', p.text),
  ),
  notAQuery: 'ignored',
};

describe('query plan gate', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'lepupitre-plans-'));
    buildRealisticProfile(join(dir, 'profile.db'), { talks: 5, runsPerTalk: 40, attemptsPerTalk: 10 });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('flags full scans of growing tables, honours reasoned allowances, and names stale ones', () => {
    const result = checkQueryPlans(join(dir, 'profile.db'), queries, {
      growingTables: GROWING_PROFILE_TABLES,
      allowlist: { everyArtifact: 'diagnostics sweep over every artifact', questByCode: 'no longer scans' },
    });
    expect(result.checked.map((f) => f.query)).toEqual(['runsOfTalk', 'runsAt', 'everyArtifact', 'questByCode', 'aliasedScan']);
    expect(result.checked.find((f) => f.query === 'runsOfTalk')?.plan.join(' ')).toContain('USING INDEX idx_runs_project_time');
    expect(result.violations.map((v) => [v.query, v.scans])).toEqual([
      ['runsAt', ['SCAN runs']],
      ['aliasedScan', ['SCAN qa']],
    ]);
    expect(result.staleAllowances).toEqual(['questByCode']);
  });
});
