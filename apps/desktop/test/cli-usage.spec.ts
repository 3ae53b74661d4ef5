import { jsonOf, removeDir, runCli, tempDir, treeOf } from './support/cli-harness';

// Each test runs the CLI in process (see runCli); the timeout leaves room on busy machines.
jest.setTimeout(60_000);

/** The first line every command-line error prints in text mode, with what it tells beyond the code. */
function usageErrorLine(detail: string): string {
  return `lepupitre: CLI_USAGE: The command line is not valid. Run lepupitre --help to see the commands and their options. (${detail})`;
}

describe('lepupitre help', () => {
  let work: string;

  beforeAll(() => {
    work = tempDir('usage-help');
  });

  afterAll(() => removeDir(work));

  it('prints the help of a subcommand named after help, as --help on it does', async () => {
    const viaHelp = await runCli(['help', 'db', 'restore'], { cwd: work });
    const viaOption = await runCli(['db', 'restore', '--help'], { cwd: work });
    expect(viaHelp).toEqual({ code: 0, stdout: expect.stringMatching(/^Usage: lepupitre db restore \[options\]\n/), stderr: '' });
    expect(viaHelp.stdout).toContain('--backup <name>');
    expect(viaOption).toEqual(viaHelp);
  });

  it('prints the help of a group, of the program, and of a subcommand under --json', async () => {
    expect((await runCli(['help', 'db'], { cwd: work })).stdout).toMatch(/^Usage: lepupitre db \[options\] \[command\]\n/);
    expect((await runCli(['help'], { cwd: work })).stdout).toMatch(/^Usage: lepupitre \[options\] \[command\]\n/);
    expect((await runCli(['db', 'help', 'status'], { cwd: work })).stdout).toMatch(/^Usage: lepupitre db status \[options\]\n/);
    const json = await runCli(['help', 'db', 'doctor', '--json'], { cwd: work });
    expect(json.code).toBe(0);
    expect(jsonOf(json)).toEqual({ ok: true, help: expect.stringMatching(/^Usage: lepupitre db doctor \[options\]\n/) });
  });

  it('refuses a name that is no command there, with the closest one', async () => {
    const run = await runCli(['help', 'db', 'restor'], { cwd: work });
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: `${usageErrorLine("unknown command 'restor'; did you mean restore?")}\nUsage: lepupitre db [options] [command]\n`,
    });
    const json = await runCli(['help', 'frobnicate', '--json'], { cwd: work });
    expect(json.code).toBe(2);
    expect(jsonOf(json)).toEqual({ ok: false, error: { code: 'CLI_USAGE', message: "unknown command 'frobnicate'" } });
  });
});

describe('lepupitre: a usage error is one line, then the usage of the command it concerns', () => {
  let work: string;

  beforeAll(() => {
    work = tempDir('usage-errors');
  });

  afterAll(() => removeDir(work));

  // Every subcommand: its required options and arguments, unknown options, extra arguments,
  // option values, and the option checks its action makes before any database is read.
  it.concurrent.each<[string[], string, string]>([
    [['db', 'restore', '--global'], "required option '--backup <name>' not specified", 'lepupitre db restore [options]'],
    [['db', 'restore', '--backup', 'x.db'], 'choose one database: --global, --profile ID or --file PATH', 'lepupitre db restore [options]'],
    [['db', 'restore', '--backup'], "option '--backup <name>' argument missing", 'lepupitre db restore [options]'],
    [['db', 'recover'], 'choose one database: --global, --profile ID or --file PATH', 'lepupitre db recover [options]'],
    [['db', 'recover', '--profile', 'a', '--global'], '--profile and --global cannot be used together', 'lepupitre db recover [options]'],
    [['db', 'backup', '--profile', '../a'], '--profile takes a profile id: letters, digits, "_" and "-"', 'lepupitre db backup [options]'],
    [['db', 'backups', '--global', '--file', 'g.db'], '--profile and --global choose a database of a data directory; they cannot be used with --file', 'lepupitre db backups [options]'],
    [['db', 'migrate', '--file', 'a.db', '--data-dir', 'data'], '--file and --data-dir cannot be used together', 'lepupitre db migrate [options]'],
    [['db', 'status', '--scope', 'global'], '--scope applies to --file only', 'lepupitre db status [options]'],
    [['db', 'doctor', '--quik'], "unknown option '--quik'; did you mean --quick?", 'lepupitre db doctor [options]'],
    [['db', 'status', '--bogus'], "unknown option '--bogus'", 'lepupitre db status [options]'],
    [['db', 'status', 'extra'], "too many arguments for 'status'. Expected 0 arguments but got 1.", 'lepupitre db status [options]'],
    [['db', 'stauts'], "unknown command 'stauts'; did you mean status?", 'lepupitre db [options] [command]'],
    [['db'], 'a command is required: migrate, status, backup, backups, restore, recover, doctor', 'lepupitre db [options] [command]'],
    [[], 'a command is required: db, ipc, help', 'lepupitre [options] [command]'],
    [['frobnicate'], "unknown command 'frobnicate'", 'lepupitre [options] [command]'],
    [['--bogus'], "unknown option '--bogus'", 'lepupitre [options] [command]'],
    [['ipc'], "missing required argument 'command'", 'lepupitre ipc [options] <command> [payload] | --list'],
    [['ipc', 'profile_list', '{}', 'extra'], "too many arguments for 'ipc'. Expected 2 arguments but got 3.", 'lepupitre ipc [options] <command> [payload] | --list'],
    [['ipc', '--list', 'profile_list'], '--list takes no command name or payload', 'lepupitre ipc [options] <command> [payload] | --list'],
    [['ipc', 'profile_list', '--bogus'], "unknown option '--bogus'", 'lepupitre ipc [options] <command> [payload] | --list'],
  ])('%j', async (args, detail, usage) => {
    const before = treeOf(work);
    const text = await runCli(args, { cwd: work });
    expect(text).toEqual({ code: 2, stdout: '', stderr: `${usageErrorLine(detail)}\nUsage: ${usage}\n` });
    const json = await runCli([...args, '--json'], { cwd: work });
    expect({ code: json.code, stderr: json.stderr, json: jsonOf(json) }).toEqual({ code: 2, stderr: '', json: { ok: false, error: { code: 'CLI_USAGE', message: detail } } });
    expect(treeOf(work)).toEqual(before);
  });

  it('follows the other command-line errors with the usage line too', async () => {
    const run = await runCli(['db', 'status', '--file', 'new.db'], { cwd: work });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^lepupitre: CLI_SCOPE_REQUIRED: .*\nUsage: lepupitre db status \[options\]\n$/);
  });

  it('prints no usage line after an error that is not the command line\'s', async () => {
    const run = await runCli(['db', 'status', '--data-dir', 'missing'], { cwd: work });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^lepupitre: CLI_DATA_DIR_NOT_FOUND: [^\n]*\n$/);
  });
});
