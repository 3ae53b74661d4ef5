import { useTempDir } from '@lepupitre/fixtures';
import { useKilledRestoreWorld } from './support/killed-restore';

/**
 * A restore killed at every step it reports (each step, each file moved aside, each file
 * placed): once the database is next opened, the profile is the old one or the restored one,
 * database and artifact files together, and no restore journal is left.
 */
describe('a process killed at every step of a restore', () => {
  const dir = useTempDir();
  const world = useKilledRestoreWorld(dir);

  it('leaves either the old profile or the restored one, never a mix', () => {
    const { steps } = world();
    const outcomes = Array.from({ length: steps }, (_, i) => world().killAt(i + 1));
    process.stdout.write(`restore kill drill: ${steps} kill points, outcomes ${outcomes.join(' ')}\n`);
    expect(outcomes.filter((o) => o !== 'old' && o !== 'new')).toEqual([]);
    expect(outcomes[0]).toBe('old');
    expect(outcomes.at(-1)).toBe('new');
  });
});
