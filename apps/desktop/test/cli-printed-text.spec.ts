import Database from 'better-sqlite3';
import path from 'node:path';
import { createDatabase, jsonOf, removeDir, runCli, tempDir, type CliRun } from './support/cli-harness';

// Each test runs the CLI in process (see runCli); the timeout leaves room on busy machines.
jest.setTimeout(60_000);

/** Terminal escapes, a line break that starts a fake CLI line, then 200 KB. */
const HOSTILE = `\u001b[31m\u009b2J\nlepupitre: FAKE all is well\r${'A'.repeat(200 * 1024)}`;
/** A profile folder name that clears the screen and fakes a line of its own. */
const HOSTILE_FOLDER = 'prof_\u001b[2J\nlepupitre: FAKE folder';

/**
 * C0 controls but the line feed, DEL, C1 controls, the line and paragraph separators and the
 * direction overrides and isolates: nothing of these may reach a terminal raw.
 */
function isRawControl(code: number): boolean {
  return (
    (code < 0x20 && code !== 0x0a) ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x2028 ||
    code === 0x2029 ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

function hasRawControl(text: string): boolean {
  return rawControlsIn(text).length > 0;
}
/** Far above a real report of these databases, far below the 200 KB a raw value would add. */
const OUTPUT_MAX = 16 * 1024;

/** A migrated database whose history also records the hostile id, and a table named with it. */
function hostileDatabase(file: string, scope: 'global' | 'profile'): void {
  createDatabase(file, scope);
  const db = new Database(file);
  try {
    db.prepare('INSERT INTO schema_migrations (version, applied_at, checksum) VALUES (?, ?, ?)').run(HOSTILE, '2030-01-01T00:00:00Z', 'f'.repeat(64));
    db.exec(`CREATE TABLE "${HOSTILE.slice(0, 64)}" (a)`);
  } finally {
    db.close();
  }
}

/** What every run must hold to: escaped, bounded, and no line that poses as the CLI's own. */
function expectPrintable(run: CliRun): void {
  const printed = `${run.stdout}${run.stderr}`;
  // Compared by summaries, so that a failure does not print 200 KB.
  expect(rawControlsIn(printed)).toEqual([]);
  expect(printed.length).toBeLessThan(OUTPUT_MAX);
  const lines = printed.split('\n');
  expect(lines.filter((line) => /^\s*lepupitre: FAKE/.test(line)).map((line) => line.slice(0, 80))).toEqual([]);
  // The real lines of the CLI on stderr: `lepupitre: CODE: message`.
  const strays = run.stderr.split('\n').filter((line) => line !== '' && !/^lepupitre: [A-Za-z_]+: /.test(line));
  expect(strays.map((line) => line.slice(0, 80))).toEqual([]);
}

/** Where raw control characters were printed: their code and what surrounds them, a few at most. */
function rawControlsIn(text: string): string[] {
  const found: string[] = [];
  for (let i = 0; i < text.length && found.length < 5; i++) {
    const code = text.charCodeAt(i);
    if (isRawControl(code)) found.push(`U+${code.toString(16)} near ${JSON.stringify(text.slice(Math.max(0, i - 20), i + 20))}`);
  }
  return found;
}

describe('lepupitre prints what it reads from files and folder names escaped and bounded', () => {
  let work: string;
  let dataDir: string;

  beforeAll(() => {
    work = tempDir('printed-text');
    dataDir = path.join(work, 'data');
    hostileDatabase(path.join(dataDir, 'global.db'), 'global');
    hostileDatabase(path.join(dataDir, 'profiles', HOSTILE_FOLDER, 'profile.db'), 'profile');
  });

  afterAll(() => removeDir(work));

  it.concurrent.each([['status'], ['doctor']])('db %s, as text', async (command) => {
    const run = await runCli(['db', command, '--data-dir', dataDir], { cwd: work });
    expect(run.code).toBe(1);
    expectPrintable(run);
    // The refusal is still named, with the id shown escaped and cut with its length.
    expect(run.stderr).toMatch(/^lepupitre: DB_NEWER_THAN_APP: /);
    expect(run.stdout.includes('\\x1b[31m\\x9b2J\\nlepupitre: FAKE all is well\\rAAA')).toBe(true);
    expect(run.stdout.includes(`…(${HOSTILE.length} chars)`)).toBe(true);
    expect(run.stdout.includes('profiles/prof_\\x1b[2J\\nlepupitre: FAKE folder/profile.db (profile)')).toBe(true);
  });

  it.concurrent.each([['status'], ['doctor']])('db %s --json', async (command) => {
    const run = await runCli(['db', command, '--data-dir', dataDir, '--json'], { cwd: work });
    expect(run.code).toBe(1);
    expectPrintable(run);
    const json = jsonOf(run);
    // The JSON holds the same escaped, bounded form: the raw value is nowhere, not even encoded.
    expect(Object.entries(flatten(json)).filter(([, text]) => hasRawControl(text) || text.includes('\n')).map(([at]) => at)).toEqual([]);
    expect(run.stdout.includes('A'.repeat(1024))).toBe(false);
    const databases = json['databases'] as { database: string; ok: boolean }[];
    expect(databases.map((d) => [d.database, d.ok])).toEqual([
      ['global.db', false],
      ['profiles/prof_\\x1b[2J\\nlepupitre: FAKE folder/profile.db', false],
    ]);
    const error = json['error'] as { code: string; message: string };
    expect(error.code).toBe('DB_NEWER_THAN_APP');
    expect(error.message.includes(`…(${HOSTILE.length} chars)`)).toBe(true);
  });
});

describe('lepupitre prints what a backup manifest says escaped and bounded', () => {
  let work: string;
  let dataDir: string;

  beforeAll(() => {
    work = tempDir('printed-backups');
    dataDir = path.join(work, 'data');
    hostileDatabase(path.join(dataDir, 'global.db'), 'global');
  });

  afterAll(() => removeDir(work));

  it('db backup, then db backups, as text and --json', async () => {
    for (const args of [['backup'], ['backups']]) {
      for (const json of [false, true]) {
        const run = await runCli(['db', ...args, '--data-dir', dataDir, '--global', ...(json ? ['--json'] : [])], { cwd: work });
        expect(run.code).toBe(0);
        expectPrintable(run);
        expect(run.stdout.includes('A'.repeat(1024))).toBe(false);
        if (json) expect(Object.entries(flatten(jsonOf(run))).filter(([, text]) => hasRawControl(text) || text.includes('\n')).map(([at]) => at)).toEqual([]);
        else expect(run.stdout.includes(`…(${HOSTILE.length} chars)`)).toBe(true);
      }
    }
  });
});

describe('lepupitre prints the arguments and payloads it was given escaped and bounded', () => {
  let work: string;

  beforeAll(() => {
    work = tempDir('printed-ipc');
  });

  afterAll(() => removeDir(work));

  // The JSON parser quotes the first few characters of what it refused; the router, the name.
  it.concurrent.each<[string, string[], string | undefined, string]>([
    ['a payload that is not JSON', ['profile_list', 'x\nlepupitre: FAKE payload'], undefined, '"x\\nlepupitr'],
    ['a payload with terminal escapes', ['profile_list', '\u001b[2J\u009b{'], undefined, '\\x1b[2J\\x9b{'],
    ['a large payload on stdin that is not JSON', ['profile_list', '-'], `\u001b[2J\nlepupitre: FAKE stdin ${'A'.repeat(200 * 1024)}`, '\\x1b[2J\\nlepu'],
    ['an unknown command name', ['profile_\u001b[2J\u009b\nlepupitre: FAKE name', '{}'], undefined, '"profile_\\x1b[2J\\x9b\\nlepupitre: FAKE name"'],
  ])('%s, as text and --json', async (_name, args, stdin, quoted) => {
    const dataDir = path.join(work, 'no-data');
    for (const json of [false, true]) {
      const run = await runCli(['ipc', ...args, '--data-dir', dataDir, ...(json ? ['--json'] : [])], { cwd: work, ...(stdin === undefined ? {} : { stdin }) });
      expect(run.code).toBe(1);
      expectPrintable(run);
      const result = jsonOf(run) as { ok: boolean; error: { code: string; message: string } };
      expect(result.ok).toBe(false);
      expect(rawControlsIn(result.error.message)).toEqual([]);
      expect(result.error.message).not.toContain('\n');
      expect(result.error.message).toContain(quoted);
    }
  });

  it.concurrent.each([[false], [true]])('an unknown command of the command line (--json: %s)', async (json) => {
    const run = await runCli(['frob\u001b[2J\u009b\nlepupitre: FAKE usage', ...(json ? ['--json'] : [])], { cwd: work });
    expect(run.code).toBe(2);
    const printed = `${run.stdout}${run.stderr}`;
    expect(rawControlsIn(printed)).toEqual([]);
    expect(printed.split('\n').filter((line) => /^\s*lepupitre: FAKE/.test(line))).toEqual([]);
    const shown = "unknown command 'frob\\x1b[2J\\x9b\\nlepupitre: FAKE usage'";
    if (json) expect(jsonOf(run)).toEqual({ ok: false, error: { code: 'CLI_USAGE', message: shown } });
    else expect(run.stderr).toContain(shown);
  });
});

/** Every string of a JSON value, keys included, by its path. */
function flatten(value: unknown, at = '', out: Record<string, string> = {}): Record<string, string> {
  if (typeof value === 'string') out[at] = value;
  else if (Array.isArray(value)) value.forEach((item, i) => flatten(item, `${at}[${i}]`, out));
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      out[`${at}.key:${key}`] = key;
      flatten(item, `${at}.${key}`, out);
    }
  }
  return out;
}
