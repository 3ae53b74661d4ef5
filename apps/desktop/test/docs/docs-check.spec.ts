import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ERROR_SENTENCES } from '../../src/errors/error-sentences';
import { checkDesktopDocs, REPOSITORY_ROOT } from './check-desktop-docs';
import { findingLine } from '@lepupitre/testing';
import { ERROR_CODES_DOC, renderErrorCodesDoc } from './error-codes-doc';
import { IPC_COMMANDS_DOC } from './ipc-commands-doc';
import { lepupitreCommandPaths, OPERATOR_CLI_DOC } from './operator-cli-doc';

const DOCS = [IPC_COMMANDS_DOC, OPERATOR_CLI_DOC, ERROR_CODES_DOC];

/** Temporary copies of the checked docs: a test takes an entry out of a copy, never out of the committed doc. */
let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'desktop-docs-'));
  mkdirSync(join(root, 'docs'));
  for (const doc of DOCS) copyFileSync(join(REPOSITORY_ROOT, doc), join(root, doc));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function edit(doc: string, change: (text: string) => string): void {
  const before = readFileSync(join(root, doc), 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`the edit of ${doc} changed nothing`);
  writeFileSync(join(root, doc), after);
}

const problems = () => checkDesktopDocs(root).map((finding) => [finding.doc, finding.problem]);

describe("the desktop app's docs-check", () => {
  it('passes on the committed docs', () => {
    expect(checkDesktopDocs().map(findingLine)).toEqual([]);
  });

  it('names an IPC command whose row was taken out, and only that one', () => {
    edit(IPC_COMMANDS_DOC, (text) => text.replace(/^\| `run_get_latest` \|.*\n/m, ''));
    expect(checkDesktopDocs(root).map(findingLine)).toEqual([
      'docs/ipc-commands.md: IPC command `run_get_latest` is missing; add a row for it (command, request, response) to the table of its context under "## Commands"',
    ]);
  });

  it('does not count a command mentioned outside the first cell of a row', () => {
    edit(IPC_COMMANDS_DOC, (text) => text.replace(/^\| \*\*`audio_import_wav`\*\* \(new\) \|.*\n/m, ''));
    expect(problems()).toEqual([[IPC_COMMANDS_DOC, 'IPC command `audio_import_wav` is missing']]);
  });

  it('names a lepupitre command whose row was taken out, and not its longer neighbour', () => {
    edit(OPERATOR_CLI_DOC, (text) => text.replace(/^\| `lepupitre db backup` \|.*\n/m, ''));
    expect(checkDesktopDocs(root).map(findingLine)).toEqual([
      'docs/operator-cli.md: CLI command `lepupitre db backup` is missing; add a row for it (`lepupitre db backup ...` with its options, its effect) to the table under "## Commands"',
    ]);
  });

  it('names an error code whose row was taken out of the error-code catalogue', () => {
    edit(ERROR_CODES_DOC, (text) => text.replace(/^\| `DB_BUSY` \|.*\n/m, ''));
    expect(checkDesktopDocs(root).map(findingLine)).toEqual([
      'docs/error-codes.md: error code `DB_BUSY` is missing; regenerate it with `npx nx run desktop:error-codes-doc`',
    ]);
  });

  it('names a code the catalogue does not have, a reworded sentence and a missing file', () => {
    edit(ERROR_CODES_DOC, (text) => `${text}| \`DB_GONE\` | Gone. | Parti. |\n`);
    expect(problems()).toEqual([[ERROR_CODES_DOC, 'error code `DB_GONE` is listed but the sentence catalogue has no such code']]);
    writeFileSync(join(root, ERROR_CODES_DOC), renderErrorCodesDoc(ERROR_SENTENCES).replace('The disk is full.', 'The disk is full!'));
    expect(problems()).toEqual([[ERROR_CODES_DOC, "the file differs from the sentence catalogue's rendering"]]);
    rmSync(join(root, ERROR_CODES_DOC));
    expect(problems()).toEqual([[ERROR_CODES_DOC, 'the file is missing']]);
  });
});

describe('the checked lists', () => {
  it("are the real program's commands and subcommands", () => {
    const paths = lepupitreCommandPaths();
    expect(paths).toEqual(expect.arrayContaining(['db', 'db migrate', 'db status', 'db backup', 'db backups', 'db restore', 'db recover', 'db doctor', 'ipc']));
    expect(new Set(paths).size).toBe(paths.length);
  });

  it('render every error code once, in the catalogue order', () => {
    const codes = renderErrorCodesDoc(ERROR_SENTENCES)
      .split('\n')
      .flatMap((line) => /^\| `([^`]+)` \|/.exec(line)?.slice(1) ?? []);
    expect(codes).toEqual(Object.keys(ERROR_SENTENCES));
  });
});
