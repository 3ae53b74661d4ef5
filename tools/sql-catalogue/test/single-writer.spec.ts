import { defineQuery, profileQueryBuilder, sql } from '@lepupitre/db-core';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONTEXT_PACKAGES, type ContextPackage, type QueryModule } from '../src/context-packages';
import { withRealisticDatabases } from '../src/realistic-databases';
import { sqlOutsideQueries } from '../src/sql-outside-queries';
import { tableWriters } from '../src/table-writers';
import { TINY } from './tiny-databases';

const root = join(__dirname, '..', '..', '..');

/**
 * The owner of each table, as docs/contexts describe what each context keeps (the talk context
 * its talks, outlines, active talk and runs, their feedback links included). A new written table
 * is added here by the change that introduces it, so its owner is a reviewed decision.
 */
const OWNERS: Readonly<Record<string, string>> = {
  profiles: 'repo-workspace',
  global_settings: 'repo-workspace',
  profile_settings: 'repo-workspace',
  talk_projects: 'repo-talk',
  talk_outlines: 'repo-talk',
  active_state: 'repo-talk',
  runs: 'repo-talk',
  quest_attempts: 'repo-quest',
  auto_feedback: 'repo-feedback',
  feedback_notes: 'repo-feedback',
  peer_reviews: 'repo-pack',
};

let schemaTables: ReadonlySet<string>;
beforeAll(() => {
  schemaTables = withRealisticDatabases((databases) => new Set([...databases.tables.global, ...databases.tables.profile]), TINY);
});

const fake = (project: string, queries: QueryModule): ContextPackage => ({
  project,
  root: `packages/${project}`,
  queryModules: { 'src/queries.ts': queries },
});

describe('single writer per table across the context packages', () => {
  it('finds no table written by two packages', () => {
    expect(tableWriters(CONTEXT_PACKAGES, schemaTables).sharedTables).toEqual([]);
  });

  it('finds every written table in the migrated schemas', () => {
    expect(tableWriters(CONTEXT_PACKAGES, schemaTables).unknownTables).toEqual([]);
  });

  it('sees every write: each queries export has fixed SQL and no package runs SQL elsewhere', () => {
    expect(tableWriters(CONTEXT_PACKAGES, schemaTables).unchecked).toEqual([]);
    expect(CONTEXT_PACKAGES.flatMap((pkg) => sqlOutsideQueries(root, pkg))).toEqual([]);
  });

  it('gives each written table the owner the docs name', () => {
    const { writers } = tableWriters(CONTEXT_PACKAGES, schemaTables);
    const owners = Object.fromEntries([...writers].map(([table, byPackage]) => [table, [...byPackage.keys()].join(', ')]));
    expect(owners).toEqual(OWNERS);
  });
});

describe('tableWriters', () => {
  const insertRun = defineQuery(() => profileQueryBuilder.insertInto('runs').values({ id: 'run_1', project_id: 'proj_1', created_at: 'now' }));
  const deleteRuns = defineQuery(() => profileQueryBuilder.deleteFrom('runs'));
  const readRuns = defineQuery(() => profileQueryBuilder.selectFrom('runs').select('id'));

  it('names the table and both packages when two packages write one table', () => {
    const report = tableWriters([fake('repo-a', { insertRun, readRuns }), fake('repo-b', { deleteRuns, readRuns })], schemaTables);
    expect(report.sharedTables).toEqual(['table "runs" is written by repo-a (insertRun) and repo-b (deleteRuns)']);
  });

  it('lets other packages read a table one package writes', () => {
    expect(tableWriters([fake('repo-a', { insertRun }), fake('repo-b', { readRuns })], schemaTables).sharedTables).toEqual([]);
  });

  it('reports a write to a table the schemas do not have', () => {
    const deleteRunz = defineQuery(() => ({ compile: () => sql`delete from "runz"`.compile(profileQueryBuilder) }));
    expect(tableWriters([fake('repo-a', { deleteRunz })], schemaTables).unknownTables).toEqual([
      'repo-a deleteRunz writes "runz", which is not a table of the migrated schemas',
    ]);
  });

  it('reports an export whose SQL is built per call', () => {
    const runsByIds = (ids: readonly string[]) => profileQueryBuilder.deleteFrom('runs').where('id', 'in', ids);
    expect(tableWriters([fake('repo-a', { runsByIds })], schemaTables).unchecked).toEqual([
      'repo-a src/queries.ts runsByIds: not a PreparedQuery, its writes cannot be checked',
    ]);
  });
});

describe('sqlOutsideQueries', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'lepupitre-sql-outside-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('names the source files outside the queries modules that hold SQL', () => {
    const src = join(folder, 'packages', 'repo-a', 'src');
    mkdirSync(join(src, 'repo'), { recursive: true });
    writeFileSync(join(src, 'queries.ts'), "export const q = defineQuery(() => sql`delete from \"runs\"`);\n");
    writeFileSync(join(src, 'repo', 'clean.ts'), 'export const match = /^a$/.exec(text);\n');
    writeFileSync(join(src, 'repo', 'template.ts'), 'db.runDynamic(sql<number>`delete from "runs"`);\n');
    writeFileSync(join(src, 'repo', 'builder.ts'), "import { profileQueryBuilder } from '@lepupitre/db-core';\n");
    expect(sqlOutsideQueries(folder, fake('repo-a', {}))).toEqual([
      "packages/repo-a/src/repo/builder.ts builds or runs SQL outside the package's queries modules",
      "packages/repo-a/src/repo/template.ts builds or runs SQL outside the package's queries modules",
    ]);
  });
});
