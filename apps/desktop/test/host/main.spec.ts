import { main, type HostStreams } from '../../src/host/main';

function captured(): HostStreams & { readonly out_: string[]; readonly err_: string[] } {
  const out_: string[] = [];
  const err_: string[] = [];
  return { out_, err_, out: (line) => out_.push(line), err: (line) => err_.push(line) };
}

const NO_HOME = { env: {}, platform: 'linux' as const, cwd: '/', home: null };

describe('app host command line', () => {
  it('prints its usage for --help', async () => {
    const streams = captured();
    expect(await main(['--help'], streams, NO_HOME)).toBe(0);
    expect(streams.out_.join('\n')).toContain('--data-dir');
  });

  it.each([[['--port', '80']], [['--data-dir']], [['extra']]])('refuses %j as a usage error', async (argv) => {
    const streams = captured();
    expect(await main(argv, streams, NO_HOME)).toBe(2);
    expect(streams.err_.join('\n')).toContain('Usage: npm start');
    expect(streams.out_).toEqual([]);
  });

  it('does not start when no data folder can be determined', async () => {
    const streams = captured();
    expect(await main([], streams, NO_HOME)).toBe(1);
    expect(streams.err_.join('\n')).toMatch(/^could not start: CLI_DATA_DIR_UNKNOWN: /);
  });
});
