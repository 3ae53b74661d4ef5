import { MIGRATIONS } from '../src';

/**
 * `nx g @lepupitre/generators:migration` appends a migration whose step is a no-op that names it
 * (so codegen and every database still open); this spec is where such a skeleton fails, naming
 * what is left to write, until its author replaces the placeholder.
 */
const PLACEHOLDER = /fill in migration/i;

describe('the migration histories', () => {
  it('hold no generated placeholder', () => {
    const unwritten = (['global', 'profile'] as const).flatMap((scope) =>
      MIGRATIONS[scope]
        .filter((m) => PLACEHOLDER.test(m.summary) || m.steps.some((step) => PLACEHOLDER.test(step.sql)))
        .map(
          (m) =>
            `fill in migration ${m.id} (packages/db-core/src/migrations/${scope}/${m.id}.ts): its steps, summary and doc comment, ` +
            `then its line in migration-checksums.spec.ts and its row in docs/migrations.md`,
        ),
    );
    expect(unwritten).toEqual([]);
  });
});
