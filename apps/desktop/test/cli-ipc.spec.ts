import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { main } from '../src/cli/main';
import { sentenceOf } from '../src/errors/error-sentence';
import { createCommandHost } from '../src/runtime/command-host';
import { CommandWorld } from './support/command-world';
import { jsonOf, removeDir, runCli, runCliProcess, tempDir, treeOf, type CliRun } from './support/cli-harness';

// Each test runs the CLI in process (see runCli); the timeout leaves room on busy machines.
jest.setTimeout(60_000);

const PROFILE_ID = /^prof_[0-9a-f]{32}$/;

/** The one line a run printed, parsed, with its exact keys: the router's object and nothing else. */
function resultOf(run: CliRun): Record<string, unknown> {
  const json = jsonOf(run);
  expect(Object.keys(json).sort()).toEqual(json['ok'] === true ? ['data', 'ok'] : ['error', 'ok']);
  if (json['ok'] !== true) expect(Object.keys(json['error'] as object).sort()).toEqual(['code', 'message', 'sentence']);
  return json;
}

describe('lepupitre ipc', () => {
  let work: string;
  let dataDir: string;

  beforeEach(() => {
    work = tempDir('ipc');
    dataDir = path.join(work, 'data');
  });

  afterEach(() => removeDir(work));

  it('runs a command in --data-dir and keeps its state for the next invocation', async () => {
    const created = await runCli(['ipc', 'profile_create', '{"name":"Ada"}', '--data-dir', dataDir], { cwd: work });
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    const id = resultOf(created)['data'];
    expect(id).toMatch(PROFILE_ID);

    // The folder given is the one used: the default app-data folder (under HOME) stays absent.
    expect(existsSync(path.join(dataDir, 'global.db'))).toBe(true);
    expect(readdirSync(path.join(dataDir, 'profiles'))).toEqual([id]);
    expect(existsSync(path.join(work, '.local'))).toBe(false);

    const listed = await runCli(['ipc', 'profile_list', '--data-dir', dataDir], { cwd: work });
    expect(listed.code).toBe(0);
    const list = resultOf(listed)['data'] as Record<string, unknown>[];
    expect(list).toEqual([expect.objectContaining({ id, name: 'Ada', is_active: true, talks_count: 0 })]);
  });

  it('works beside a running app host: both write to the same profile and each sees the other\'s writes', async () => {
    const host = new CommandWorld(dataDir);
    try {
      const profileId = await host.createProfile('Ada');
      const projectId = await host.ok<string>('project_create', { profileId, payload: { title: 'From the app' } });
      const runCreated = await runCli(['ipc', 'run_create', JSON.stringify({ profileId, projectId }), '--data-dir', dataDir], { cwd: work });
      expect(runCreated.code).toBe(0);
      const runId = resultOf(runCreated)['data'];
      // The host's long-lived connection sees the other process's commit.
      expect(await host.ok('run_get', { profileId, runId })).toMatchObject({ id: runId, project_id: projectId });
      await host.ok('outline_set', { profileId, projectId, markdown: '# From the app' });
      const outline = await runCli(['ipc', 'outline_get', JSON.stringify({ profileId, projectId }), '--data-dir', dataDir], { cwd: work });
      expect(resultOf(outline)['data']).toMatchObject({ project_id: projectId, markdown: '# From the app' });
    } finally {
      await host.stop();
    }
  });

  it('prints the same object with or without --json and takes the data folder from the environment', async () => {
    const env = { LEPUPITRE_DATA_DIR: dataDir };
    const created = await runCli(['ipc', 'profile_create', '{"name":"Grace"}'], { cwd: work, env });
    expect(created.code).toBe(0);
    const id = resultOf(created)['data'];

    const text = await runCli(['ipc', 'profile_list'], { cwd: work, env });
    const json = await runCli(['--json', 'ipc', 'profile_list'], { cwd: work, env });
    expect(text.code).toBe(0);
    expect(json.code).toBe(0);
    expect(json.stdout).toBe(text.stdout);
    expect(resultOf(json)['data']).toEqual([expect.objectContaining({ id, name: 'Grace' })]);
  });

  it('prints a domain error as the router gives it and exits 1, in both output modes', async () => {
    expect((await runCli(['ipc', 'profile_create', '{"name":"Ada"}', '--data-dir', dataDir], { cwd: work })).code).toBe(0);
    const before = treeOf(dataDir);

    const text = await runCli(['ipc', 'profile_create', '{"name":"Ada"}', '--data-dir', dataDir], { cwd: work });
    expect(text.code).toBe(1);
    expect(resultOf(text)).toEqual({ ok: false, error: { code: 'profile_name_exists', message: 'profile_name_exists', sentence: sentenceOf('profile_name_exists') } });
    // The code once, then what happened and what to do.
    expect(text.stderr).toBe('lepupitre: profile_name_exists: A profile with this name already exists. Choose another name.\n');

    const json = await runCli(['ipc', 'profile_switch', '{"profileId":"prof_missing"}', '--data-dir', dataDir, '--json'], { cwd: work });
    expect(json.code).toBe(1);
    expect(resultOf(json)).toEqual({ ok: false, error: { code: 'profile_not_found', message: expect.any(String), sentence: sentenceOf('profile_not_found') } });
    expect(treeOf(dataDir)).toEqual(before);
  });

  it('reports an unknown command without creating the data folder', async () => {
    const run = await runCli(['ipc', 'profile_frobnicate', '{}', '--data-dir', dataDir, '--json'], { cwd: work });
    expect(run.code).toBe(1);
    expect(resultOf(run)).toEqual({ ok: false, error: { code: 'IPC_UNKNOWN_COMMAND', message: 'unknown command "profile_frobnicate"', sentence: sentenceOf('IPC_UNKNOWN_COMMAND') } });
    expect(existsSync(dataDir)).toBe(false);
  });

  it('suggests the closest command name for an unknown one, only when it is close', async () => {
    const run = await runCli(['ipc', 'profile_creat', '{}', '--data-dir', dataDir], { cwd: work });
    expect(run.code).toBe(1);
    const message = 'unknown command "profile_creat"; did you mean profile_create?';
    expect(resultOf(run)).toEqual({ ok: false, error: { code: 'IPC_UNKNOWN_COMMAND', message, sentence: sentenceOf('IPC_UNKNOWN_COMMAND') } });
    expect(run.stderr).toContain(`(${message})`);
    const swapped = await runCli(['ipc', 'PROFILE_LITS', '--data-dir', dataDir, '--json'], { cwd: work });
    expect((resultOf(swapped)['error'] as { message: string }).message).toBe('unknown command "PROFILE_LITS"; did you mean profile_list?');
    expect(existsSync(dataDir)).toBe(false);
  });

  it('lists the command names the router serves with --list, one per line or as JSON, opening nothing', async () => {
    const host = createCommandHost({ dataDir });
    const served = host.router.commandNames;
    await host.close();
    expect(served).toContain('profile_create');
    const text = await runCli(['ipc', '--list', '--data-dir', dataDir], { cwd: work });
    expect(text).toEqual({ code: 0, stdout: `${served.join('\n')}\n`, stderr: '' });
    const json = await runCli(['--json', 'ipc', '--list'], { cwd: work });
    expect(json.code).toBe(0);
    expect(jsonOf(json)).toEqual({ ok: true, commands: served });
    expect(existsSync(dataDir)).toBe(false);
  });

  it('refuses a payload that is not JSON before opening anything', async () => {
    for (const payload of ['{name: Ada}', '', '{"name":"Ada"']) {
      const run = await runCli(['ipc', 'profile_create', payload, '--data-dir', dataDir], { cwd: work });
      expect(run.code).toBe(1);
      const result = resultOf(run);
      expect(result).toEqual({ ok: false, error: { code: 'IPC_INVALID_PAYLOAD', message: expect.stringContaining('not valid JSON'), sentence: sentenceOf('IPC_INVALID_PAYLOAD') } });
      expect(existsSync(dataDir)).toBe(false);
    }
  });

  it('names the offending field of a JSON payload outside the contract and writes nothing', async () => {
    expect((await runCli(['ipc', 'profile_list', '--data-dir', dataDir], { cwd: work })).code).toBe(0);
    const before = treeOf(dataDir);
    const run = await runCli(['ipc', 'profile_create', '{"name":42}', '--data-dir', dataDir, '--json'], { cwd: work });
    expect(run.code).toBe(1);
    const error = resultOf(run)['error'] as { code: string; message: string };
    expect(error.code).toBe('IPC_INVALID_PAYLOAD');
    expect(error.message).toContain('name');
    expect(treeOf(dataDir)).toEqual(before);
  });

  // Spawned: the payload comes through the real bin's stdin, a pipe (the ipc family's smoke test).
  it('reads the payload from stdin when it is given as -', async () => {
    const run = await runCliProcess(['ipc', 'profile_create', '-', '--data-dir', dataDir], { cwd: work, stdin: '{"name":"From stdin"}\n' });
    expect(run.code).toBe(0);
    expect(resultOf(run)['data']).toMatch(PROFILE_ID);
    const bad = await runCliProcess(['ipc', 'profile_create', '-', '--data-dir', dataDir], { cwd: work, stdin: 'not json' });
    expect(bad.code).toBe(1);
    expect(resultOf(bad)['error']).toMatchObject({ code: 'IPC_INVALID_PAYLOAD' });
  });

  it('is a usage error (exit 2) without a command name or with an extra argument', async () => {
    const missing = await runCli(['ipc', '--data-dir', dataDir, '--json'], { cwd: work });
    expect(missing.code).toBe(2);
    expect(jsonOf(missing)).toMatchObject({ ok: false, error: { code: 'CLI_USAGE' } });
    const extra = await runCli(['ipc', 'profile_list', '{}', 'extra', '--data-dir', dataDir, '--json'], { cwd: work });
    expect(extra.code).toBe(2);
    expect(jsonOf(extra)).toMatchObject({ ok: false, error: { code: 'CLI_USAGE' } });
    expect(existsSync(dataDir)).toBe(false);
  });

  it('still prints one result object when there is no data folder to default to', async () => {
    // Through main: runCli's host always has a home folder (HOME).
    let stdout = '';
    let stderr = '';
    const streams = { out: (text: string) => void (stdout += text), err: (text: string) => void (stderr += text) };
    const code = await main(['ipc', 'profile_list'], streams, { env: {}, platform: 'linux', cwd: work, home: null });
    expect(code).toBe(1);
    expect(resultOf({ code, stdout, stderr })).toEqual({ ok: false, error: { code: 'CLI_DATA_DIR_UNKNOWN', message: expect.any(String), sentence: sentenceOf('CLI_DATA_DIR_UNKNOWN') } });
    expect(readdirSync(work)).toEqual([]);
  });
});
