import { CommanderError } from 'commander';
import { localeOfEnvironment } from '../errors/locale';
import { CliErrorCode, EXIT_OK, EXIT_USAGE } from './cli-error';
import { currentHost, type HostEnvironment } from './data-dir';
import { emitFailure, emitOutcome, processStreams, type CliStreams, type CommandOutcome } from './output';
import { buildProgram, wantsJson } from './program';
import { toSafeError } from './safe-error';
import { printableUsageError } from './usage-error-text';

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
  try {
    const context = { host, streams, report: (result: CommandOutcome) => void (outcome.current = result) };
    await buildProgram({ context, json, streams, captured }).parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return commanderExit(error, json, streams, captured.join(''));
    return emitFailure(toSafeError(error), json, streams, locale);
  }
  if (!outcome.current) return emitFailure(toSafeError(undefined), json, streams, locale);
  return emitOutcome(outcome.current, json, streams, locale);
}

/**
 * Help and version end with code 0; every other commander exit is a usage error. In text mode
 * commander has already printed its message.
 */
function commanderExit(error: CommanderError, json: boolean, streams: CliStreams, captured: string): number {
  if (error.exitCode === 0) {
    if (json) {
      const fields = error.code === 'commander.version' ? { version: captured.trim() } : { help: captured };
      return emitOutcome({ ok: true, error: null, fields, text: [] }, true, streams);
    }
    return EXIT_OK;
  }
  if (!json) return EXIT_USAGE;
  return emitFailure({ code: CliErrorCode.USAGE, message: usageMessage(error) }, true, streams);
}

function usageMessage(error: CommanderError): string {
  if (error.code === 'commander.help') return 'a command is required; run lepupitre --help';
  return printableUsageError(error.message.replace(/^error:\s*/, ''));
}
