import { WorkspaceCopy } from './workspace-copy';

/**
 * The migration generator through `nx g`, in a copy of the workspace: right after it, db-core
 * lints and type-checks, the schema types are unchanged, and db-core's tests fail on the
 * placeholder alone, naming what to fill in.
 */
describe('nx g @lepupitre/generators:migration', () => {
  let copy: WorkspaceCopy;
  beforeAll(() => {
    copy = new WorkspaceCopy();
  });
  afterAll(() => copy.remove());

  it('leaves lint, typecheck and codegen-check passing, and one failing spec that names the migration', () => {
    copy.expectSuccess('nx', 'g', '@lepupitre/generators:migration', '--scope=profile', '--name=e2e_probe');
    const index = copy.read('packages/db-core/src/migrations/profile/index.ts');
    const id = /from '\.\/(\d{4}_e2e_probe)'/.exec(index)?.[1];
    expect(id).toBeDefined();

    copy.expectSuccess('nx', 'run-many', '-t', 'lint', 'typecheck', '-p', 'db-core', '--outputStyle=static');
    copy.expectSuccess('nx', 'run', 'codegen:codegen-check', '--outputStyle=static');

    const tests = copy.run('nx', 'test', 'db-core', '--outputStyle=static');
    expect(tests.status).not.toBe(0);
    expect(tests.output).toContain(`fill in migration ${id} (packages/db-core/src/migrations/profile/${id}.ts)`);
    expect(tests.output).toMatch(/Tests:\s+1 failed, \d+ passed/);
    expect(tests.output).toMatch(/FAIL.*migration-placeholders\.spec\.ts/);
    expect(tests.output).not.toMatch(/FAIL.*migration-checksums\.spec\.ts/);
  });
});
