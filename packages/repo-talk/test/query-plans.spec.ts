import { buildRealisticProfile, checkQueryPlans, GROWING_PROFILE_TABLES, type PlanGateResult } from '@lepupitre/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as queries from '../src/queries';

/**
 * Walks of talk_projects that are accepted, each with its reason. Both go through the partial
 * index `idx_talk_projects_recent` (non-training talks by update time), which the plan still
 * shows as a SCAN: one reads what it returns, the other stops at its first row. The index is
 * partial so that the next talk number keeps coming from `idx_talk_projects_number`.
 */
const ALLOWLIST = {
  listProjects: 'returns every non-training talk: the result is the table, read in order through idx_talk_projects_recent',
  latestUpdatedProject:
    'active-talk fallback: walks idx_talk_projects_recent newest first and stops at the first row (LIMIT 1)',
};

let folder: string;
let result: PlanGateResult;
beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'lepupitre-talk-plans-'));
  const path = join(folder, 'profile.db');
  buildRealisticProfile(path);
  result = checkQueryPlans(path, queries, { growingTables: GROWING_PROFILE_TABLES, allowlist: ALLOWLIST });
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('query plans of the talk context', () => {
  it('checks every query of queries.ts', () => {
    const exported = Object.keys(queries).sort();
    expect(result.checked.map((f) => f.query).sort()).toEqual(exported);
    console.log(result.checked.map((f) => `${f.query}: ${f.plan.join(' | ')}`).join('\n'));
  });

  it('scans no growing table outside the allowlist', () => {
    expect(result.violations.map((v) => `${v.query}: ${v.scans.join(', ')}`)).toEqual([]);
  });

  it('has no stale allowance', () => {
    expect(result.staleAllowances).toEqual([]);
  });

  it('numbers talks from the unique talk-number index, not a scan', () => {
    const plan = result.checked.find((f) => f.query === 'maxTalkNumber')?.plan.join(' | ');
    expect(plan).toContain('idx_talk_projects_number');
  });

  it('reads a talk’s runs through idx_runs_project_time', () => {
    const plan = result.checked.find((f) => f.query === 'runsOfProject')?.plan.join(' | ');
    expect(plan).toContain('idx_runs_project_time');
  });
});
