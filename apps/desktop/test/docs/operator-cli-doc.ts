import type { Command } from 'commander';
import { currentHost } from '../../src/cli/data-dir';
import { buildProgram } from '../../src/cli/program';
import type { DocFinding } from '@lepupitre/testing';
import { tableFirstCells } from './table-first-cells';

export const OPERATOR_CLI_DOC = 'docs/operator-cli.md';

/** Every command and subcommand under `command`, as typed after the program name: `db`, `db status`, ... */
export function commandPaths(command: Command, prefix: readonly string[] = []): string[] {
  return command.commands.flatMap((sub) => {
    const path = [...prefix, sub.name()];
    return [path.join(' '), ...commandPaths(sub, path)];
  });
}

/** The commands of the real `lepupitre` program; building it runs nothing and opens nothing. */
export function lepupitreCommandPaths(): string[] {
  const program = buildProgram({
    context: { host: currentHost(), report: () => undefined },
    json: true,
    streams: { out: () => undefined, err: () => undefined },
    captured: [],
  });
  return commandPaths(program);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Every command path that no table row of the operator CLI doc names in its first cell, written
 * as typed: `` `lepupitre db backup` `` or with its arguments, `` `lepupitre db restore --backup NAME` ``.
 * A group (`db`) is documented by the rows of its subcommands.
 */
export function undocumentedCliCommands(markdown: string, paths: readonly string[]): DocFinding[] {
  const cells = tableFirstCells(markdown);
  return paths
    .filter((path) => {
      const typed = new RegExp(`\`lepupitre ${escapeRegExp(path)}[ \`]`);
      return !cells.some((cell) => typed.test(cell));
    })
    .map((path) => ({
      doc: OPERATOR_CLI_DOC,
      problem: `CLI command \`lepupitre ${path}\` is missing`,
      fix: 'add a row for it (`lepupitre ' + path + ' ...` with its options, its effect) to the table under "## Commands"',
    }));
}
