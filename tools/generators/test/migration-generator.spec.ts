import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import type { Tree } from '@nx/devkit';
import { migrationChecksum } from '@lepupitre/db-core';
import { migrationGenerator } from '../src';
import { CHECKSUM_SPEC, MIGRATIONS_DOC, MIGRATIONS_FOLDER, nextSteps } from '../src/migration/generator';
import { expectLinesAdded, seedFromWorkspace, workspaceText } from './workspace-files';

/** The generator on a virtual tree holding the real files it reads and edits. */
describe('the migration generator', () => {
  let tree: Tree;
  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
    seedFromWorkspace(tree, `${MIGRATIONS_FOLDER}/global`, `${MIGRATIONS_FOLDER}/profile`, CHECKSUM_SPEC, MIGRATIONS_DOC);
  });

  const nextId = (scope: string, name: string): string => {
    const count = tree.children(`${MIGRATIONS_FOLDER}/${scope}`).filter((f) => /^\d{4}_/.test(f)).length;
    return `${String(count + 1).padStart(4, '0')}_${name}`;
  };

  it.each(['profile', 'global'] as const)('appends a %s migration with a placeholder step, listed everywhere the history is', (scope) => {
    const id = nextId(scope, 'talk_tags');
    migrationGenerator(tree, { scope, name: 'talk_tags' });

    expect(tree.read(`${MIGRATIONS_FOLDER}/${scope}/${id}.ts`, 'utf-8')).toBe(`import { defineMigration } from '../migration';

/**
 * fill in migration ${id}: why it exists and what it does to each kind of row already
 * stored (docs/migrations.md, "Adding a migration").
 *
 * The step below is a generated placeholder, a no-op that names this migration:
 * migration-placeholders.spec.ts fails until the real steps replace it.
 */
export default defineMigration({
  id: '${id}',
  scope: '${scope}',
  summary: 'fill in migration ${id}: what it changes',
  steps: [{ sql: "SELECT 'fill in migration ${id}'" }],
});
`);

    const index = `${MIGRATIONS_FOLDER}/${scope}/index.ts`;
    const before = workspaceText(index);
    const after = tree.read(index, 'utf-8') ?? '';
    const lastImport = [...before.matchAll(/^import \w+ from '\.\/\d{4}_\w+';$/gm)].pop()?.[0] ?? '';
    expect(after).toContain(`${lastImport}\nimport talkTags from './${id}';\n`);
    if (/Migration\[\] = \[\n/.test(before)) {
      expectLinesAdded(before, after, [`import talkTags from './${id}';`, '  talkTags,']);
      expect(after).toMatch(/ {2}talkTags,\n\];/);
    } else {
      expect(after.replace(`import talkTags from './${id}';\n`, '').replace(', talkTags];', '];')).toBe(before);
    }

    const checksum = migrationChecksum({
      id,
      scope,
      summary: 'not part of the checksum',
      steps: [{ sql: `SELECT 'fill in migration ${id}'` }],
    });
    const line = `  ['${scope}', '${id}', '${checksum}'],`;
    const spec = tree.read(CHECKSUM_SPEC, 'utf-8') ?? '';
    expectLinesAdded(workspaceText(CHECKSUM_SPEC), spec, [line]);
    const shipped = spec.slice(spec.indexOf('const SHIPPED'), spec.indexOf('\n];', spec.indexOf('const SHIPPED')));
    const ofScope = shipped.split('\n').filter((l) => l.startsWith(`  ['${scope}'`));
    expect(ofScope[ofScope.length - 1]).toBe(line);

    const row = `| ${scope} | \`${id}\` | fill in migration ${id}: what it changes |`;
    const doc = tree.read(MIGRATIONS_DOC, 'utf-8') ?? '';
    expectLinesAdded(workspaceText(MIGRATIONS_DOC), doc, [row]);
    const appended = doc.slice(doc.indexOf('This app appends')).split('\n\n')[1]?.split('\n') ?? [];
    expect(appended.filter((l) => l.startsWith(`| ${scope} |`)).pop()).toBe(row);
  });

  it('writes one file and edits three, nothing else', () => {
    const scope = 'profile';
    const id = nextId(scope, 'talk_tags');
    const before = new Map(tree.listChanges().map((c) => [c.path, c.content?.toString()] as const));
    migrationGenerator(tree, { scope, name: 'talk_tags' });
    const changed = tree.listChanges().filter((c) => before.get(c.path) !== c.content?.toString());
    expect(changed.map((c) => `${before.has(c.path) ? 'UPDATE' : 'CREATE'} ${c.path}`).sort()).toEqual(
      [
        `CREATE ${MIGRATIONS_FOLDER}/${scope}/${id}.ts`,
        `UPDATE ${MIGRATIONS_FOLDER}/${scope}/index.ts`,
        `UPDATE ${CHECKSUM_SPEC}`,
        `UPDATE ${MIGRATIONS_DOC}`,
      ].sort(),
    );
  });

  it('refuses an unknown scope, a name that is not snake_case and a name the history already has (whole names only)', () => {
    expect(() => migrationGenerator(tree, { scope: 'team', name: 'talk_tags' })).toThrow('--scope must be global or profile');
    expect(() => migrationGenerator(tree, { scope: 'profile', name: 'TalkTags' })).toThrow('--name must be snake_case');
    expect(() => migrationGenerator(tree, { scope: 'profile', name: 'lookup_indexes' })).toThrow(/already has a migration named lookup_indexes: 0009_lookup_indexes\.ts/);
    expect(() => migrationGenerator(tree, { scope: 'global', name: 'init' })).toThrow(/already has a migration named init/);
    expect(() => migrationGenerator(tree, { scope: 'global', name: 'indexes' })).not.toThrow();
  });

  it('tells what is left: the steps, codegen, the checksum line, the fixtures', () => {
    const text = nextSteps('profile', '0010_talk_tags');
    expect(text).toContain('packages/db-core/src/migrations/profile/0010_talk_tags.ts');
    expect(text).toContain('npm run codegen');
    expect(text).toContain('migration-checksums.spec.ts');
    expect(text).toContain('tools/fixtures');
  });
});
