import { useTemplateFolder } from '@lepupitre/fixtures';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  createDatabase,
  createForeignDatabase,
  jsonOf,
  removeDir,
  runCli,
  runCliProcess,
  tempDir,
  treeOf,
  withoutReaderCompanions,
} from './support/cli-harness';

// Each test runs the CLI in process (see runCli); the timeout leaves room on busy machines.
jest.setTimeout(60_000);

/**
 * A working directory holding one of each kind of input: a data directory, a global database,
 * a directory, a text file, an empty file and an SQLite file of no scope. Built once, copied for
 * each test.
 */
const prepared = useTemplateFolder((dir) => {
  createDatabase(path.join(dir, 'data', 'global.db'), 'global');
  createDatabase(path.join(dir, 'g.db'), 'global');
  mkdirSync(path.join(dir, 'dir'));
  writeFileSync(path.join(dir, 'notes.txt'), 'these are not the tables you are looking for\n');
  writeFileSync(path.join(dir, 'empty.db'), '');
  createForeignDatabase(path.join(dir, 'recipes.db'));
  mkdirSync(path.join(dir, 'odd-data'));
  writeFileSync(path.join(dir, 'odd-data', 'profiles'), 'a file where the profiles folder belongs');
});

function fixture(): string {
  const work = tempDir('bad-input');
  prepared.copyTo(work);
  return work;
}


interface Case {
  readonly args: readonly string[];
  readonly code: string;
  /** Reads a WAL database: SQLite's reader may leave empty -wal/-shm companions. */
  readonly readsWalDatabase?: boolean;
}

const USAGE_EXIT = new Set(['CLI_USAGE', 'CLI_INVALID_SCOPE', 'CLI_SCOPE_REQUIRED']);

const cases: readonly Case[] = [
  { args: ['db', 'status', '--file', 'g.db', '--data-dir', 'data'], code: 'CLI_USAGE' },
  { args: ['db', 'migrate', '--file', 'new.db', '--data-dir', 'data'], code: 'CLI_USAGE' },
  { args: ['db', 'migrate', '--scope', 'global', '--data-dir', 'data'], code: 'CLI_USAGE' },
  { args: ['db', 'migrate', '--file', '', '--scope', 'global'], code: 'CLI_USAGE' },
  { args: ['db', 'migrate', '--bogus'], code: 'CLI_USAGE' },
  { args: ['db', 'status', '--data-dir'], code: 'CLI_USAGE' },
  { args: ['frobnicate'], code: 'CLI_USAGE' },
  { args: ['db'], code: 'CLI_USAGE' },
  { args: [], code: 'CLI_USAGE' },
  { args: ['db', 'status', 'extra'], code: 'CLI_USAGE' },
  { args: ['db', 'migrate', '--file', 'new.db', '--scope', 'nonsense'], code: 'CLI_INVALID_SCOPE' },
  { args: ['db', 'status', '--file', 'g.db', '--scope', 'GLOBAL'], code: 'CLI_INVALID_SCOPE' },
  { args: ['db', 'migrate', '--file', 'new.db'], code: 'CLI_SCOPE_REQUIRED' },
  { args: ['db', 'status', '--file', 'new.db'], code: 'CLI_SCOPE_REQUIRED' },
  { args: ['db', 'migrate', '--file', 'recipes.db'], code: 'CLI_SCOPE_UNDETECTED' },
  { args: ['db', 'migrate', '--file', 'empty.db'], code: 'CLI_SCOPE_UNDETECTED' },
  { args: ['db', 'migrate', '--file', 'dir'], code: 'DB_PATH_IS_DIRECTORY' },
  { args: ['db', 'migrate', '--file', 'dir', '--scope', 'global'], code: 'DB_PATH_IS_DIRECTORY' },
  { args: ['db', 'migrate', '--file', 'notes.txt'], code: 'DB_NOT_A_DATABASE' },
  { args: ['db', 'status', '--file', 'notes.txt', '--scope', 'profile'], code: 'DB_NOT_A_DATABASE' },
  { args: ['db', 'migrate', '--file', 'g.db', '--scope', 'profile'], code: 'DB_SCOPE_MISMATCH', readsWalDatabase: true },
  { args: ['db', 'status', '--data-dir', 'missing'], code: 'CLI_DATA_DIR_NOT_FOUND' },
  { args: ['db', 'migrate', '--data-dir', 'notes.txt'], code: 'CLI_DATA_DIR_NOT_A_DIRECTORY' },
  { args: ['db', 'migrate', '--data-dir', 'odd-data'], code: 'CLI_DATA_DIR_NOT_A_DIRECTORY' },
  { args: ['db', 'migrate', '--file', path.join('missing', 'sub', 'new.db'), '--scope', 'global'], code: 'CLI_PARENT_DIR_NOT_FOUND' },
];

describe('lepupitre: bad input is refused with a typed error and writes nothing', () => {
  it.concurrent.each(cases.map((c) => [c.args.join(' ') || '(no arguments)', c] as const))('--json %s', async (_name, c) => {
    const work = fixture();
    try {
      const before = treeOf(work);
      const run = await runCli([...c.args, '--json'], { cwd: work });
      expect({ exit: run.code, json: jsonOf(run) }).toEqual({
        exit: USAGE_EXIT.has(c.code) ? 2 : 1,
        json: expect.objectContaining({ ok: false, error: { code: c.code, message: expect.any(String) } }),
      });
      expect(run.stderr).toBe('');
      expect(run.stdout).not.toContain(work);
      const after = treeOf(work);
      if (c.readsWalDatabase) {
        expect(withoutReaderCompanions(after)).toEqual(withoutReaderCompanions(before));
      } else {
        expect(after).toEqual(before);
      }
    } finally {
      removeDir(work);
    }
  });

  it.concurrent('prints the error on stderr, without a stack trace, in text mode', async () => {
    const work = fixture();
    try {
      const before = treeOf(work);
      const scopeRequired = await runCli(['db', 'migrate', '--file', 'new.db'], { cwd: work });
      expect(scopeRequired).toEqual({ code: 2, stdout: '', stderr: expect.stringMatching(/^lepupitre: CLI_SCOPE_REQUIRED: .*--scope/) });

      const notADatabase = await runCli(['db', 'migrate', '--file', 'notes.txt', '--scope', 'profile'], { cwd: work });
      expect(notADatabase.code).toBe(1);
      expect(notADatabase.stdout).toContain('notes.txt (profile): FAILED DB_NOT_A_DATABASE');
      expect(notADatabase.stderr).toMatch(/^lepupitre: DB_NOT_A_DATABASE: /);

      const unknownOption = await runCli(['db', 'status', '--bogus'], { cwd: work });
      expect(unknownOption.code).toBe(2);
      expect(unknownOption.stdout).toBe('');
      expect(unknownOption.stderr).toContain("unknown option '--bogus'");

      for (const run of [scopeRequired, notADatabase, unknownOption]) {
        expect(run.stderr).not.toMatch(/^\s+at /m);
        expect(run.stderr).not.toContain(work);
      }
      expect(treeOf(work)).toEqual(before);
    } finally {
      removeDir(work);
    }
  });

  // Spawned: help and version through the real bin, as an operator types them (the help/version
  // family's smoke test).
  it.concurrent('answers --help and --version with one JSON object under --json', async () => {
    const work = tempDir('help');
    try {
      const help = await runCliProcess(['db', 'migrate', '--help', '--json'], { cwd: work });
      expect(help.code).toBe(0);
      expect(jsonOf(help)).toEqual({ ok: true, help: expect.stringContaining('Usage: lepupitre db migrate') });

      const version = await runCliProcess(['--json', '--version'], { cwd: work });
      expect(version.code).toBe(0);
      expect(jsonOf(version)).toEqual({ ok: true, version: expect.stringMatching(/^\d+\.\d+\.\d+/) });

      const text = await runCliProcess(['db', 'status', '--help'], { cwd: work });
      expect(text.code).toBe(0);
      expect(text.stdout).toContain('--data-dir <dir>');
      expect(text.stdout).toContain('--json');
    } finally {
      removeDir(work);
    }
  });
});
