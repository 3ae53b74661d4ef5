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

/** A stable code and a message safe to show: no stack, no SQL, no path. */
export interface IpcError {
  readonly code: string;
  readonly message: string;
}

export function success(data: unknown): IpcSuccess {
  return { ok: true, data };
}

export function failure(code: string, message: string): IpcFailure {
  return { ok: false, error: { code, message } };
}
