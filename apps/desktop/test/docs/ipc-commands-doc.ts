import type { DocFinding } from '@lepupitre/testing';
import { tableFirstCells } from './table-first-cells';

export const IPC_COMMANDS_DOC = 'docs/ipc-commands.md';

/**
 * Every command of the catalogue that no table row of the IPC commands doc names, in backticks,
 * in its first cell (`| \`run_list\` | request | response |`, or `**\`name\`** (new)`).
 */
export function undocumentedIpcCommands(markdown: string, names: readonly string[]): DocFinding[] {
  const cells = tableFirstCells(markdown);
  return names
    .filter((name) => !cells.some((cell) => cell.includes(`\`${name}\``)))
    .map((name) => ({
      doc: IPC_COMMANDS_DOC,
      problem: `IPC command \`${name}\` is missing`,
      fix: 'add a row for it (command, request, response) to the table of its context under "## Commands"',
    }));
}
