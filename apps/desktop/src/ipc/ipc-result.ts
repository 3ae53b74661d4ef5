import { sentenceOf } from '../errors/error-sentence';
import type { Sentence } from '../errors/locale';

/** What every call of the router resolves to; it never rejects. */
export type IpcResult = IpcSuccess | IpcFailure;

export interface IpcSuccess {
  readonly ok: true;
  readonly data: unknown;
}

export interface IpcFailure {
  readonly ok: false;
  readonly error: IpcError;
}

/**
 * A stable code and a message safe to show: no stack, no SQL, no path. `code` and `message` are
 * the previous contract (its UI matched codes in the message, which keeps them); `sentence` adds
 * what happened and what to do, for people, in English and French (docs/ipc-commands.md).
 */
export interface IpcError {
  readonly code: string;
  readonly message: string;
  readonly sentence: Sentence;
}

export function success(data: unknown): IpcSuccess {
  return { ok: true, data };
}

export function failure(code: string, message: string): IpcFailure {
  return { ok: false, error: { code, message, sentence: sentenceOf(code) } };
}
