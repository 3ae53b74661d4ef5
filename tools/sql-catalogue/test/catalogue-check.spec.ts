import { defineQuery, profileQueryBuilder, type QueryParams } from '@lepupitre/db-core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderCatalogues, staleCatalogues, writeCatalogues, type CatalogueFile } from '../src/catalogue-files';
import { CONTEXT_PACKAGES, type ContextPackage } from '../src/context-packages';
import { packageQueries } from '../src/prepared-queries';
import { withRealisticDatabases } from '../src/realistic-databases';
import { REGENERATE_COMMAND } from '../src/render-catalogue';

/** repo-talk with one query changed, as an edit of its queries.ts would change it. */
const alteredTalk = (): ContextPackage => {
  const talk = CONTEXT_PACKAGES.find((pkg) => pkg.project === 'repo-talk') as ContextPackage;
  const runById = defineQuery((p: QueryParams<{ id: string }>) => profileQueryBuilder.selectFrom('runs').select(['id', 'created_at']).where('id', '=', p.id));
  return { ...talk, queryModules: { 'src/queries.ts': { ...talk.queryModules['src/queries.ts'], runById } } };
};

let fresh: CatalogueFile[];
let again: CatalogueFile[];
let altered: CatalogueFile[];
let folder: string;

beforeAll(() => {
  withRealisticDatabases((databases) => {
    fresh = renderCatalogues(CONTEXT_PACKAGES, databases);
    altered = renderCatalogues(CONTEXT_PACKAGES.map((pkg) => (pkg.project === 'repo-talk' ? alteredTalk() : pkg)), databases);
  });
  withRealisticDatabases((databases) => {
    again = renderCatalogues(CONTEXT_PACKAGES, databases);
  });
});
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'lepupitre-sql-check-'));
  writeCatalogues(folder, fresh);
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

describe('the committed SQL catalogues', () => {
  it('are one file per context package, identical from one build of the databases to the next', () => {
    expect(fresh.map((file) => file.path)).toEqual(CONTEXT_PACKAGES.map((pkg) => `${pkg.root}/queries.sql`));
    expect(again).toEqual(fresh);
    for (const file of fresh) expect(file.text).not.toContain(tmpdir());
  });

  it('list every PreparedQuery of each package once, with its SQL, parameters and plan', () => {
    CONTEXT_PACKAGES.forEach((pkg, i) => {
      const text = (fresh[i] as CatalogueFile).text;
      const headings = text.split('\n\n').slice(1).map((entry) => entry.split('\n')[0]);
      const { queries } = packageQueries(pkg);
      expect(headings).toEqual(queries.map((q) => `-- ${q.name}`));
      for (const { query } of queries) expect(text).toContain(`\n${query.sql};\n`);
    });
    const talk = fresh.find((file) => file.path === 'packages/repo-talk/queries.sql')?.text ?? '';
    expect(talk).toContain(
      '-- runsOfProject\n-- parameters: ?1 projectId, ?2 limit\n-- plan on the profile database:\n--   SEARCH runs USING INDEX idx_runs_project_time (project_id=?)',
    );
    const workspace = fresh.find((file) => file.path === 'packages/repo-workspace/queries.sql')?.text ?? '';
    expect(workspace).toMatch(/-- allProfiles\n-- parameters: none\n-- plan on the global database:\n/);
  });

  it('pass the check when the committed copies are fresh', () => {
    expect(staleCatalogues(folder, fresh)).toEqual([]);
  });

  it('fail the check on a changed query, naming the file and the command that regenerates it', () => {
    const stale = staleCatalogues(folder, altered);
    expect(stale).toHaveLength(1);
    expect(stale[0]).toContain(`packages/repo-talk/queries.sql is stale: run \`${REGENERATE_COMMAND}\``);
    expect(stale[0]).toContain('+ select "id", "created_at" from "runs" where "id" = ?;');
    expect(readFileSync(join(folder, 'packages/repo-talk/queries.sql'), 'utf8')).toBe(fresh[1]?.text);
  });

  it('fail the check when a catalogue is missing', () => {
    rmSync(join(folder, 'packages/repo-pack/queries.sql'));
    expect(staleCatalogues(folder, fresh)).toEqual([`packages/repo-pack/queries.sql is missing: run \`${REGENERATE_COMMAND}\` and commit it`]);
  });
});
