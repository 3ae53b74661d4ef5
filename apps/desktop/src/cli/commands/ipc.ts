import { printableText } from '@lepupitre/domain-primitives';
import type { Command } from 'commander';
import { IpcErrorCode } from '../../ipc/ipc-error-code';
import { failure, type IpcResult } from '../../ipc/ipc-result';
import { createCommandHost } from '../../runtime/command-host';
import type { CommandContext } from '../command-context';
import { resolveDataDir } from '../data-dir';
import type { CliStreams, CommandOutcome } from '../output';
import { toSafeError } from '../safe-error';
import { commandListOutcome, withNameSuggestion } from './ipc-names';

export const IPC = 'ipc';

/** The payload argument that means "read the JSON from standard input" (large WAV base64). */
export const STDIN_PAYLOAD = '-';

/**
 * Cut a JSON parser's reason short and escape it: it quotes the input, which may be megabytes
 * of base64, or line breaks and terminal escapes.
 */
const REASON_MAX = 160;

/** A line of the host's log on stderr. */
const LOG_LINE_MAX = 1024;

/**
 * `lepupitre ipc <command> [payload]`: one command of the app through the same router the UI
 * calls, on the data folder, so that support scripts and tests drive the app without a UI.
 * Stdout holds exactly the router's result, `{"ok":true,"data":...}` or
 * `{"ok":false,"error":{"code","message"}}`, whether `--json` is given or not; an unknown name's
 * message suggests the closest one. The host opens the databases as the app does (a missing
 * data folder is created, as at the app's first start) and closes them before the process ends.
 * `lepupitre ipc --list` prints the command names instead, opening nothing.
 */
export function registerIpc(program: Command, context: CommandContext, streams: CliStreams): void {
  program
    .command(IPC)
    .description('run one app command through the command router and print its result object as JSON')
    // The name is required unless --list is given, which the parser cannot say: the action does.
    .usage('[options] <command> [payload] | --list')
    .argument('[command]', 'the command name, e.g. profile_list')
    .argument('[payload]', `its arguments as one JSON object (camelCase keys); ${STDIN_PAYLOAD} reads it from stdin`)
    .option('--data-dir <dir>', 'data directory (default: $LEPUPITRE_DATA_DIR, else the app-data folder)')
    .option('--list', 'print the names of the app commands the router serves, one per line, and nothing else')
    .action(async (name: string | undefined, payloadText: string | undefined, options: IpcOptions, command: Command) => {
      if (options.list === true) {
        if (name !== undefined) command.error('--list takes no command name or payload');
        context.report(commandListOutcome());
        return;
      }
      if (name === undefined) command.error("missing required argument 'command'", { code: 'commander.missingArgument' });
      const result = await runIpc(name, payloadText, options.dataDir, context, streams);
      context.report(outcomeOf(withNameSuggestion(result, name)));
    });
}

interface IpcOptions {
  readonly dataDir?: string;
  readonly list?: boolean;
}

async function runIpc(
  name: string,
  payloadText: string | undefined,
  dataDirOption: string | undefined,
  context: CommandContext,
  streams: CliStreams,
): Promise<IpcResult> {
  // A payload that is not JSON is refused before the data folder is even looked at.
  const payload = parsePayload(payloadText === STDIN_PAYLOAD ? await stdinText(streams) : payloadText);
  if (!payload.ok) return payload.failure;
  let dataDir: string;
  try {
    dataDir = resolveDataDir(dataDirOption, context.host);
  } catch (error) {
    // No app-data folder to default to: still one result object on stdout, with the CLI's code.
    const safe = toSafeError(error);
    return failure(safe.code, safe.message);
  }
  return invokeOnce(dataDir, name, payload.value, streams);
}

type ParsedPayload = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly failure: IpcResult };

function parsePayload(text: string | undefined): ParsedPayload {
  if (text === undefined) return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const reason = error instanceof Error ? printableText(error.message, REASON_MAX) : 'unreadable';
    return { ok: false, failure: failure(IpcErrorCode.INVALID_PAYLOAD, `the payload is not valid JSON: ${reason}`) };
  }
}

async function invokeOnce(dataDir: string, name: string, payload: unknown, streams: CliStreams): Promise<IpcResult> {
  // The host's log (what recovery did, which command failed unexpectedly: no path, no row) goes
  // to stderr, so stdout keeps exactly the one result object; a line names profiles by their
  // ids, which the global database holds, so it is printed printable.
  const host = createCommandHost({ dataDir, log: (line) => streams.err(`lepupitre: ${printableText(line, LOG_LINE_MAX)}\n`) });
  try {
    return await host.router.invoke(name, payload);
  } finally {
    await host.close();
  }
}

/**
 * The router's result as the CLI's outcome: with `--json` the envelope is built from `ok`,
 * `error` and `data`, which gives the router's object key for key; without it, the same object
 * is the one text line. The exit code follows the CLI's rule (0 only when ok, 1 for an error
 * result, IPC codes included).
 */
function outcomeOf(result: IpcResult): CommandOutcome {
  return result.ok
    ? { ok: true, error: null, fields: { data: result.data }, text: [JSON.stringify(result)] }
    : { ok: false, error: result.error, fields: {}, text: [JSON.stringify(result)] };
}

async function stdinText(streams: CliStreams): Promise<string> {
  return streams.stdin ? (await streams.stdin()).toString('utf8') : '';
}
