import { COMMANDS } from '../../commands/catalogue';
import { IpcErrorCode } from '../../ipc/ipc-error-code';
import type { IpcResult } from '../../ipc/ipc-result';
import { closestName } from '../closest-name';
import type { CommandOutcome } from '../output';
import { withSuggestion } from '../usage-error-text';

/**
 * The app command names the router serves, in catalogue order: the command host routes exactly
 * the catalogue. Read without a data folder, so listing them opens nothing.
 */
export function ipcCommandNames(): string[] {
  return COMMANDS.map((command) => command.name);
}

/** `lepupitre ipc --list`: the names one per line, or `{"ok":true,"commands":[...]}` with `--json`. */
export function commandListOutcome(): CommandOutcome {
  const names = ipcCommandNames();
  return { ok: true, error: null, fields: { commands: names }, text: names };
}

/**
 * The router's refusal of an unknown name, with the closest served name when one is close
 * enough (`unknown command "profile_creat"; did you mean profile_create?`). The router's own
 * message stays as the app's UI receives it; only the command line adds the suggestion, for a
 * person at a terminal.
 */
export function withNameSuggestion(result: IpcResult, name: string): IpcResult {
  if (result.ok || result.error.code !== IpcErrorCode.UNKNOWN_COMMAND) return result;
  const suggestion = closestName(name, ipcCommandNames());
  return { ok: false, error: { ...result.error, message: withSuggestion(result.error.message, suggestion) } };
}
