import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { WorkspaceCopy } from './workspace-copy';

/**
 * The context generator through `nx g`, in a copy of the workspace: after the install it asks
 * for (here, linking the workspace packages) and the SQL catalogue's regeneration, the new
 * package lints, type-checks and passes its tests, and the catalogue's checks pass with it.
 */
describe('nx g @lepupitre/generators:context', () => {
  let copy: WorkspaceCopy;
  beforeAll(() => {
    copy = new WorkspaceCopy();
  });
  afterAll(() => copy.remove());

  it('writes a package that lints, type-checks and passes its tests, with its committed SQL', () => {
    const generated = copy.expectSuccess('nx', 'g', '@lepupitre/generators:context', '--name=e2e-probe');
    expect(generated.output).toContain('npm install');
    copy.linkWorkspacePackages();

    copy.expectSuccess('nx', 'run', 'sql-catalogue:sql', '--outputStyle=static');
    expect(existsSync(join(copy.root, 'packages/repo-e2e-probe/queries.sql'))).toBe(true);
    expect(copy.read('packages/repo-e2e-probe/queries.sql')).toContain('SEARCH talk_projects USING INDEX sqlite_autoindex_talk_projects_1 (id=?)');

    copy.expectSuccess('nx', 'run-many', '-t', 'lint', 'typecheck', 'test', '-p', 'repo-e2e-probe', '--outputStyle=static');
    copy.expectSuccess('nx', 'run-many', '-t', 'lint', 'typecheck', 'test', 'sql-check', '-p', 'sql-catalogue', '--outputStyle=static');
  });
});
