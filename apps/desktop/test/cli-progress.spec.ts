import { ageText, backupLabel, replacedLabel, sizeText } from '../src/cli/backup-labels';
import { main } from '../src/cli/main';
import type { CliStreams, CliTerminal } from '../src/cli/output';
import { percent, stderrProgress, TerminalProgress } from '../src/cli/terminal-progress';
import { MIGRATIONS } from '@lepupitre/db-core';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { createLegacyProfile, removeDir, tempDir } from './support/cli-harness';

const PROFILE_MIGRATION_IDS = MIGRATIONS.profile.map((migration) => migration.id);

function fakeTerminal(isTTY: boolean): { isTTY: boolean; written: string[]; write(text: string): void } {
  const written: string[] = [];
  return { isTTY, written, write: (text) => void written.push(text) };
}

describe('progress on a terminal', () => {
  it('draws one self-rewriting line on a terminal, at most every 100 ms unless forced, and erases it', () => {
    const terminal = fakeTerminal(true);
    let now = 1000;
    const progress = new TerminalProgress(false, terminal, () => now);
    progress.show('global.db: copying 10%');
    now += 50;
    progress.show('global.db: copying 20%');
    progress.show('global.db: checking integrity', true);
    now += 150;
    progress.show('global.db: copying 30%');
    progress.clear();
    progress.clear();
    expect(terminal.written).toEqual([
      '\r\x1b[2Kglobal.db: copying 10%',
      '\r\x1b[2Kglobal.db: checking integrity',
      '\r\x1b[2Kglobal.db: copying 30%',
      '\r\x1b[2K',
    ]);
  });

  it('stays silent with --json and when stderr is not a terminal', () => {
    for (const [json, tty] of [
      [true, true],
      [false, false],
    ] as const) {
      const terminal = fakeTerminal(tty);
      const progress = new TerminalProgress(json, terminal, () => 0);
      progress.show('x', true);
      progress.clear();
      expect(terminal.written).toEqual([]);
    }
  });

  it('takes the terminal from the CLI streams: stderr draws progress only when the streams say it is one', () => {
    for (const [terminal, drawn] of [
      [{ columns: 80 }, ['\r\x1b[2Kx', '\r\x1b[2K']],
      [null, []],
    ] as const) {
      const written: string[] = [];
      const streams: CliStreams = { out: () => undefined, err: (text) => void written.push(text), terminal: () => terminal };
      const progress = new TerminalProgress(false, stderrProgress(streams), () => 0);
      progress.show('x', true);
      progress.clear();
      expect(written).toEqual(drawn);
    }
    // Streams without a terminal, or no streams at all, never draw.
    expect(stderrProgress({ out: () => undefined, err: () => undefined }).isTTY).toBe(false);
    expect(stderrProgress(undefined).isTTY).toBe(false);
  });

  it('shows db migrate applying each migration on a terminal, and nothing with --json or off a terminal', async () => {
    const work = tempDir('migrate-progress');
    try {
      const run = async (args: readonly string[], terminal: CliTerminal | null): Promise<{ code: number; out: string; err: string[] }> => {
        createLegacyProfile(path.join(work, 'legacy.db'));
        let out = '';
        const err: string[] = [];
        const streams: CliStreams = { out: (text) => void (out += text), err: (text) => void err.push(text), terminal: () => terminal };
        const code = await main(['db', 'migrate', '--file', 'legacy.db', ...args], streams, { env: {}, platform: process.platform, cwd: work, home: work });
        rmSync(path.join(work, 'legacy.db'), { force: true });
        rmSync(path.join(work, 'backups'), { recursive: true, force: true });
        return { code, out, err };
      };
      const shown = await run([], { columns: 100 });
      expect(shown.code).toBe(0);
      const lines = shown.err.filter((text) => text !== '\r\x1b[2K').map((text) => text.replace('\r\x1b[2K', ''));
      expect(lines[0]).toBe('legacy.db: opening');
      expect(lines).toEqual(expect.arrayContaining(PROFILE_MIGRATION_IDS.map((id) => `legacy.db: applying ${id}`)));
      // The line is erased before the result is printed on stdout.
      expect(shown.err.at(-1)).toBe('\r\x1b[2K');
      expect(shown.out).toContain('legacy.db (profile): was legacy');
      for (const quiet of [await run(['--json'], { columns: 100 }), await run([], null)]) {
        expect(quiet.code).toBe(0);
        expect(quiet.err).toEqual([]);
      }
    } finally {
      removeDir(work);
    }
  });

  it('wraps help to the width of the terminal the streams give, and to 80 columns off a terminal', async () => {
    const helpAt = async (terminal: CliTerminal | null): Promise<string> => {
      let out = '';
      const streams: CliStreams = { out: (text) => void (out += text), err: () => undefined, terminal: () => terminal };
      expect(await main(['db', 'status', '--help'], streams, { env: {}, platform: 'linux', cwd: '/work', home: '/home/ada' })).toBe(0);
      return out;
    };
    const widest = (text: string): number => Math.max(...text.split('\n').map((line) => line.length));
    const narrow = await helpAt({ columns: 60 });
    const offTerminal = await helpAt(null);
    expect(widest(narrow)).toBeLessThanOrEqual(60);
    expect(widest(offTerminal)).toBeGreaterThan(60);
    expect(widest(offTerminal)).toBeLessThanOrEqual(80);
    expect(await helpAt({ columns: undefined })).toBe(offTerminal);
  });

  it('formats percentages, sizes, ages and labels for people', () => {
    expect([percent(0, 0), percent(1, 3), percent(3, 3), percent(5, 3)]).toEqual(['0%', '33%', '100%', '100%']);
    expect([sizeText(null), sizeText(512), sizeText(40960), sizeText(5 * 1024 * 1024)]).toEqual(['size unknown', '512 B', '40.0 KiB', '5.0 MiB']);
    expect([ageText(-5), ageText(30), ageText(600), ageText(10_800), ageText(864_000)]).toEqual([
      'in the future (clock changed)',
      '30 s ago',
      '10 min ago',
      '3 h ago',
      '10 days ago',
    ]);
    const global = { label: 'global.db', path: '/abs/global.db', scope: 'global' as const };
    const profile = { label: 'profiles/p1/profile.db', path: '/abs/profiles/p1/profile.db', scope: 'profile' as const };
    expect(backupLabel(global, 'a.db')).toBe('backups/a.db');
    expect(backupLabel(profile, 'a.db')).toBe('profiles/p1/backups/a.db');
    expect(replacedLabel(profile, 'r.db')).toBe('profiles/p1/replaced/r.db');
  });
});
