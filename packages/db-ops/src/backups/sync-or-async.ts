/** A value a step returns, or the promise of it. */
export type Awaitable<T> = T | PromiseLike<T>;

/**
 * A procedure written once as a generator that yields what each of its caller's steps returned,
 * so that one body can run synchronously (the pre-migration snapshot, inside `openDatabase`) or
 * asynchronously (a backup, which yields to the event loop while it copies). Its own `try` /
 * `catch` sees a step's failure in both cases: a rejected promise is thrown back in at the
 * `yield` that handed it out.
 */
export type Procedure<R> = Generator<unknown, R, unknown>;

/** Hands a step's result to the runner and gives back the value, awaited when it is a promise. */
export function* awaited<T>(value: Awaitable<T>): Generator<unknown, T, unknown> {
  return (yield value) as T;
}

/**
 * Runs a procedure to its end in the current call. A step that returns a promise is a caller's
 * mistake: it is thrown back into the procedure as an error, so that its cleanup still runs.
 */
export function runSynchronously<R>(procedure: Procedure<R>): R {
  let next = procedure.next();
  while (!next.done) {
    const value = next.value;
    if (isPromiseLike(value)) {
      value.then(undefined, () => undefined); // Its outcome no longer matters; never unhandled.
      next = procedure.throw(new TypeError('a step of a synchronous procedure returned a promise'));
    } else {
      next = procedure.next(value);
    }
  }
  return next.value;
}

/** Runs a procedure, awaiting every promise a step returns. */
export async function runAsynchronously<R>(procedure: Procedure<R>): Promise<R> {
  let next = procedure.next();
  while (!next.done) {
    let settled: { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: unknown };
    try {
      settled = { ok: true, value: await next.value };
    } catch (error) {
      settled = { ok: false, error };
    }
    next = settled.ok ? procedure.next(settled.value) : procedure.throw(settled.error);
  }
  return next.value;
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null | undefined)?.then === 'function';
}
