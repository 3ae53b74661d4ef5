import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMANDS } from '../../src/commands/catalogue';
import { ERROR_SENTENCES } from '../../src/errors/error-sentences';
import type { DocFinding } from '@lepupitre/testing';
import { ERROR_CODES_DOC, errorCodesDocFindings } from './error-codes-doc';
import { IPC_COMMANDS_DOC, undocumentedIpcCommands } from './ipc-commands-doc';
import { lepupitreCommandPaths, OPERATOR_CLI_DOC, undocumentedCliCommands } from './operator-cli-doc';

export const REPOSITORY_ROOT = join(__dirname, '../../../..');

/**
 * The desktop app's part of the docs gate (`npx nx run desktop:docs-check`), for the docs of the
 * repository rooted at `root`: every IPC command of the catalogue, every `lepupitre` command and
 * every code of the error sentence catalogue is in its doc. The app checks these itself because
 * it can import its catalogues; tools/docs-check checks the workspace-wide docs.
 */
export function checkDesktopDocs(root: string = REPOSITORY_ROOT): DocFinding[] {
  const read = (path: string) => readFileSync(join(root, path), 'utf8');
  const errorCodesDoc = existsSync(join(root, ERROR_CODES_DOC)) ? read(ERROR_CODES_DOC) : null;
  return [
    ...undocumentedIpcCommands(read(IPC_COMMANDS_DOC), COMMANDS.map((command) => command.name)),
    ...undocumentedCliCommands(read(OPERATOR_CLI_DOC), lepupitreCommandPaths()),
    ...errorCodesDocFindings(errorCodesDoc, ERROR_SENTENCES),
  ];
}
