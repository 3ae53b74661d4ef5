import { Command } from 'commander';
import { version } from '../../package.json';
import type { CommandContext } from './command-context';
import { registerDbMigrate } from './commands/db-migrate';
import { registerDbStatus } from './commands/db-status';
import { registerDbBackup } from './commands/db-backup';
import { registerDbBackups } from './commands/db-backups';
import { registerDbRestore } from './commands/db-restore';
import { registerDbRecover } from './commands/db-recover';
import { registerDbDoctor } from './commands/db-doctor';
import { registerIpc } from './commands/ipc';
import { registerHelp } from './help-command';
import type { CliStreams } from './output';

export interface ProgramOptions {
  readonly context: CommandContext;
  /** JSON mode: commander's own text (help, version) is captured instead of printed. */
  readonly json: boolean;
  readonly streams: CliStreams;
  readonly captured: string[];
}

/**
 * The command tree. Commander never exits the process (`exitOverride`: its usage errors are
 * thrown and turned into `CLI_USAGE`) and never prints an error: `main` prints every error in
 * the CLI's own form. In JSON mode it does not print help either.
 */
export function buildProgram({ context, json, streams, captured }: ProgramOptions): Command {
  const program = new Command('lepupitre')
    .description('LePupitre operator tool: inspect and upgrade the databases of a data directory')
    .version(version, '-V, --version', 'print the version')
    .option('--json', 'print exactly one JSON object on stdout; exit code 0 only when ok')
    .helpOption('-h, --help', 'show help')
    .configureHelp({ showGlobalOptions: true })
    .exitOverride()
    .configureOutput({
      ...helpWidths(streams),
      writeOut: json ? (text) => void captured.push(text) : (text) => streams.out(text),
      writeErr: () => undefined,
    });

  const db = program.command('db').description('database maintenance: migrate, status, backup, backups, restore, recover, doctor');
  registerDbMigrate(db, context);
  registerDbStatus(db, context);
  registerDbBackup(db, context);
  registerDbBackups(db, context);
  registerDbRestore(db, context);
  registerDbRecover(db, context);
  registerDbDoctor(db, context);
  registerIpc(program, context, streams);
  registerHelp(program);
  return program;
}

/** Commander's help width when its output is not a terminal or the terminal's width is unknown. */
const HELP_WIDTH_OFF_TERMINAL = 80;

/** Help is wrapped to the width of the terminal it goes to, as commander does on its own. */
function helpWidths(streams: CliStreams): { getOutHelpWidth(): number; getErrHelpWidth(): number } {
  return {
    getOutHelpWidth: () => streams.terminal?.('out')?.columns ?? HELP_WIDTH_OFF_TERMINAL,
    getErrHelpWidth: () => streams.terminal?.('err')?.columns ?? HELP_WIDTH_OFF_TERMINAL,
  };
}

/** Whether the command line asks for JSON, decided before parsing so usage errors honour it. */
export function wantsJson(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).includes('--json');
}
