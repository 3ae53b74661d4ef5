import { buildRealisticGlobal, buildRealisticProfile, checkQueryPlans, GROWING_GLOBAL_TABLES, GROWING_PROFILE_TABLES } from '@lepupitre/testing';
import { PreparedQuery } from '@lepupitre/db-core';
import { join } from 'node:path';
import * as queries from '../src/queries';
import { useTempDirs } from './support/temp-dir';

/** The global database holds these tables; every other query of this context runs on a profile database. */
const GLOBAL_TABLES = /\b(?:from|into|update) "(?:profiles|global_settings)"/;

const all = Object.entries(queries as Record<string, unknown>).filter((entry): entry is [string, PreparedQuery<unknown, unknown>] => entry[1] instanceof PreparedQuery);
const globalQueries = Object.fromEntries(all.filter(([, q]) => GLOBAL_TABLES.test(q.sql)));
const profileQueries = Object.fromEntries(all.filter(([, q]) => !GLOBAL_TABLES.test(q.sql)));

describe('query plans of the workspace queries on realistic data', () => {
  const tempDir = useTempDirs('lepupitre-workspace-plans-');

  it('splits the queries between the two databases without losing one', () => {
    expect(Object.keys(globalQueries).length + Object.keys(profileQueries).length).toBe(all.length);
    expect(Object.keys(globalQueries)).toContain('allProfiles');
    expect(Object.keys(profileQueries)).toContain('talksCount');
  });

  it('global database: no scan of profiles outside the allowlist', () => {
    const path = join(tempDir(), 'global.db');
    buildRealisticGlobal(path);
    const result = checkQueryPlans(path, globalQueries, {
      growingTables: GROWING_GLOBAL_TABLES,
      allowlist: {
        allProfiles: 'profile_list returns every profile by contract: reading each row is the result, not a search',
      },
    });
    for (const finding of result.checked) console.log(`${finding.query}: ${finding.plan.join(' | ')}`);
    expect(result.checked).toHaveLength(Object.keys(globalQueries).length);
    expect(result.violations).toEqual([]);
    expect(result.staleAllowances).toEqual([]);
  });

  it('profile database: no scan of a growing table outside the allowlist', () => {
    const path = join(tempDir(), 'profile.db');
    buildRealisticProfile(path);
    const result = checkQueryPlans(path, profileQueries, {
      growingTables: GROWING_PROFILE_TABLES,
      allowlist: {
        talksCount:
          'counts every talk of the profile by contract (SQLite keeps no row count); it walks the smallest index, ' +
          'bounded by the talks one person writes, read once per profile when profiles are listed',
      },
    });
    for (const finding of result.checked) console.log(`${finding.query}: ${finding.plan.join(' | ')}`);
    expect(result.checked).toHaveLength(Object.keys(profileQueries).length);
    expect(result.violations).toEqual([]);
    expect(result.staleAllowances).toEqual([]);
  });
});
