import path from 'node:path';
import { main } from '../src/cli/main';
import { sentenceOf } from '../src/errors/error-sentence';
import { removeDir, tempDir } from './support/cli-harness';

/** The CLI in process, as a terminal whose language is `env`'s, with what it printed. */
async function run(args: readonly string[], work: string, env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const streams = { out: (text: string) => void (stdout += text), err: (text: string) => void (stderr += text) };
  const code = await main(args, streams, { env, platform: 'linux', cwd: work, home: work });
  return { code, stdout, stderr };
}

function occurrences(text: string, code: string): number {
  return text.split(code).length - 1;
}

describe('the CLI tells an error as its code once and its sentence', () => {
  let work: string;

  beforeEach(() => {
    work = tempDir('sentences');
  });

  afterEach(() => removeDir(work));

  it('prints the sentence in French for a French terminal, and the router object unchanged on stdout', async () => {
    const dataDir = path.join(work, 'data');
    expect((await run(['ipc', 'profile_create', '{"name":"Ada"}', '--data-dir', dataDir], work)).code).toBe(0);
    const refused = await run(['ipc', 'profile_create', '{"name":"Ada"}', '--data-dir', dataDir], work, { LANG: 'fr_FR.UTF-8' });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe('lepupitre: profile_name_exists: Un profil porte déjà ce nom. Choisissez-en un autre.\n');
    expect(JSON.parse(refused.stdout)).toEqual({
      ok: false,
      error: { code: 'profile_name_exists', message: 'profile_name_exists', sentence: sentenceOf('profile_name_exists') },
    });
    const english = await run(['ipc', 'profile_create', '{"name":"Ada"}', '--data-dir', dataDir], work, { LANG: 'fr_FR.UTF-8', LC_ALL: 'C' });
    expect(english.stderr).toBe('lepupitre: profile_name_exists: A profile with this name already exists. Choose another name.\n');
  });

  it('keeps what the message adds, after the sentence, with no path', async () => {
    const file = path.join(work, 'missing-folder', 'profile.db');
    const text = await run(['db', 'migrate', '--file', file, '--scope', 'profile'], work);
    expect(text.code).toBe(1);
    expect(text.stderr).toBe(
      `lepupitre: CLI_PARENT_DIR_NOT_FOUND: ${sentenceOf('CLI_PARENT_DIR_NOT_FOUND').en} (the folder that should hold the database does not exist)\n`,
    );
    expect(occurrences(text.stderr, 'CLI_PARENT_DIR_NOT_FOUND')).toBe(1);
    expect(text.stderr).not.toContain(work);

    // --json keeps the code and the message, as before.
    const json = await run(['db', 'migrate', '--file', file, '--scope', 'profile', '--json'], work);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, error: { code: 'CLI_PARENT_DIR_NOT_FOUND', message: 'the folder that should hold the database does not exist' } });
    expect(json.stderr).toBe('');
  });
});
