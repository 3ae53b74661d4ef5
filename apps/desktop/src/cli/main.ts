import { CommanderError, type Command } from 'commander';
import { localeOfEnvironment, type Locale } from '../errors/locale';
import { CliErrorCode, EXIT_OK, EXIT_USAGE } from './cli-error';
import { currentHost, type HostEnvironment } from './data-dir';
import { emitFailure, emitOutcome, processStreams, type CliStreams, type CommandOutcome } from './output';
import { buildProgram, wantsJson } from './program';
import { followReachedCommand, usageLine } from './reached-command';
import { toSafeError, type SafeError } from './safe-error';
import { usageErrorDetail } from './usage-error-text';

/**
 * Runs the operator CLI on the arguments after the program name and resolves to the exit code.
 * Database work is synchronous (better-sqlite3) except online backups, which the SQLite backup
 * API runs a step at a time; commands may therefore be async, and the outcome is known when
 * parsing settles. Nothing escapes as a stack trace: unexpected errors become `CLI_INTERNAL`.
 */
export async function main(argv: readonly string[], streams: CliStreams = processStreams, host: HostEnvironment = currentHost()): Promise<number> {
  const json = wantsJson(argv);
  const locale = localeOfEnvironment(host.env);
  const captured: string[] = [];
  const outcome: { current: CommandOutcome | null } = { current: null };
  const context = { host, streams, report: (result: CommandOutcome) => void (outcome.current = result) };
  const program = buildProgram({ context, json, streams, captured });
  const reached = followReachedCommand(program);
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    const print: Printing = { json, streams, locale, command: reached() };
    if (error instanceof CommanderError) return commanderExit(error, print, captured.join(''));
    return emitRefusal(toSafeError(error), print);
  }
  if (!outcome.current) return emitFailure(toSafeError(undefined), json, streams, locale);
  return emitOutcome(outcome.current, json, streams, locale);
}

/** How a failure is printed, and the command the command line had reached. */
interface Printing {
  readonly json: boolean;
  readonly streams: CliStreams;
  readonly locale: Locale;
  readonly command: Command;
}

/** Help and version end with code 0; every other commander exit is a usage error. */
function commanderExit(error: CommanderError, print: Printing, captured: string): number {
  if (error.exitCode === 0) {
    if (print.json) {
      const fields = error.code === 'commander.version' ? { version: captured.trim() } : { help: captured };
      return emitOutcome({ ok: true, error: null, fields, text: [] }, true, print.streams);
    }
    return EXIT_OK;
  }
  return emitRefusal({ code: CliErrorCode.USAGE, message: usageMessage(error, print.command) }, print);
}

/**
 * A failure before any database was worked on. One of the command line (exit code 2: a usage
 * error, a missing or invalid `--scope`) is followed in text mode by the usage line of the
 * command it concerns, so the fix is in sight; JSON keeps exactly the error.
 */
function emitRefusal(error: SafeError, print: Printing): number {
  const exit = emitFailure(error, print.json, print.streams, print.locale);
  if (!print.json && exit === EXIT_USAGE) print.streams.err(`${usageLine(print.command)}\n`);
  return exit;
}

/** Commander's message, or for a group run without a command (commander shows its help) which commands it has. */
function usageMessage(error: CommanderError, command: Command): string {
  if (error.code === 'commander.help') return `a command is required: ${command.commands.map((sub) => sub.name()).join(', ')}`;
  return usageErrorDetail(error.message);
}
