import { isLepupitreError, printableText } from '@lepupitre/domain-primitives';
import type { AnyCommand } from '../commands/command';
import type { CommandContext } from '../commands/command-context';
import { IpcErrorCode } from './ipc-error-code';
import { failure, success, type IpcResult } from './ipc-result';
import { describePayloadIssue } from './payload-issue';
import { SerialQueue } from './serial-queue';

export interface RouterOptions {
  /** Told about every unexpected failure (the host logs it); never shown to the caller. */
  readonly onInternalError?: (commandName: string, error: unknown) => void;
  /** Told about every typed failure a command raised (the host reacts to `DB_CORRUPT`). */
  readonly onCommandError?: (commandName: string, error: unknown) => void;
}

export interface Router {
  /** Runs one command. Never rejects: every outcome is an `IpcResult`. */
  invoke(name: string, payload?: unknown): Promise<IpcResult>;
  /** Resolves once every command already invoked has finished. */
  idle(): Promise<void>;
  /**
   * Stops taking commands (each later call answers `IPC_HOST_CLOSED`) and resolves once the ones
   * already taken have finished, so the host can close its databases under no command.
   */
  close(): Promise<void>;
  /** The names of the registered commands, in catalogue order. */
  readonly commandNames: readonly string[];
}

const INTERNAL_MESSAGE = 'an unexpected internal error occurred';

/**
 * The transport-agnostic router: the app host, the operator CLI's `ipc` entry and the tests all
 * call `invoke`. A payload is checked against the command's request schema before the handler
 * runs, so a rejected payload reaches no database. Typed errors keep their code and safe message
 * (domain codes lowercase, platform codes `DB_*` / `MIGRATION_*`); anything else becomes
 * `IPC_INTERNAL`. A response outside the command's contract is a bug of this app, reported as
 * `IPC_INTERNAL` rather than handed to a UI that would reject it.
 */
export function createRouter(commands: readonly AnyCommand[], context: CommandContext, options: RouterOptions = {}): Router {
  const byName = new Map<string, AnyCommand>();
  for (const command of commands) {
    if (byName.has(command.name)) throw new Error(`command registered twice: ${command.name}`);
    byName.set(command.name, command);
  }
  const queue = new SerialQueue();

  async function execute(command: AnyCommand, payload: unknown): Promise<IpcResult> {
    const parsed = command.request.safeParse(payload === undefined ? {} : payload);
    if (!parsed.success) return failure(IpcErrorCode.INVALID_PAYLOAD, describePayloadIssue(command.name, parsed.error));
    let data: unknown;
    try {
      data = await command.handler(parsed.data, context);
    } catch (error) {
      if (isLepupitreError(error)) {
        notify(options.onCommandError, command.name, error);
        const { code, message } = error.toJSON();
        return failure(code, message);
      }
      notify(options.onInternalError, command.name, error);
      return failure(IpcErrorCode.INTERNAL, INTERNAL_MESSAGE);
    }
    const checked = command.response.safeParse(data);
    if (!checked.success) {
      notify(options.onInternalError, command.name, checked.error);
      return failure(IpcErrorCode.INTERNAL, INTERNAL_MESSAGE);
    }
    return success(data === undefined ? null : data);
  }

  let closed = false;
  return {
    commandNames: [...byName.keys()],
    idle: () => queue.run(() => Promise.resolve()),
    close: () => {
      closed = true;
      return queue.run(() => Promise.resolve());
    },
    invoke(name: string, payload?: unknown): Promise<IpcResult> {
      if (closed) return Promise.resolve(failure(IpcErrorCode.HOST_CLOSED, 'the app is shutting down'));
      const command = typeof name === 'string' ? byName.get(name) : undefined;
      if (!command) return Promise.resolve(failure(IpcErrorCode.UNKNOWN_COMMAND, `unknown command ${describeName(name)}`));
      return queue.run(() =>
        execute(command, payload).catch((error: unknown) => {
          notify(options.onInternalError, command.name, error);
          return failure(IpcErrorCode.INTERNAL, INTERNAL_MESSAGE);
        }),
      );
    },
  };
}

/**
 * Tells an observer (the host's logging and its reaction to corruption). Its own failure is the
 * host's problem, not the caller's: it must neither replace the command's result nor make
 * `invoke` reject.
 */
function notify(observer: ((commandName: string, error: unknown) => void) | undefined, commandName: string, error: unknown): void {
  try {
    observer?.(commandName, error);
  } catch {
    // Nothing safe is left to tell; the command's result still goes back.
  }
}

/** Longest unknown name quoted: every command name is far shorter. */
const SHOWN_NAME_MAX = 48;

/** The unknown name, quoted, escaped and cut short: it is caller input and goes into a message. */
function describeName(name: unknown): string {
  if (typeof name !== 'string') return '(not a string)';
  return `"${printableText(name, SHOWN_NAME_MAX)}"`;
}
