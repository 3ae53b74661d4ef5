import { sentenceOf } from '../../src/errors/error-sentence';
import type { IpcError } from '../../src/ipc/ipc-result';
import type { CommandWorld } from './command-world';

/*
 * What the command specs expect of every command: the wire's timestamps, payload errors that
 * name the field, and refusals that leave every database row and file as they were.
 */

/**
 * The timestamps this app writes: UTC RFC 3339 with `+00:00` and milliseconds, the fraction
 * left out when it is zero (one call in a thousand lands on a whole second).
 */
export const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.(?!000)\d{3})?\+00:00$/;

/** An error as the router answers it: its code, its message, and the code's sentences. */
export function refusal(code: string, message: unknown = expect.any(String)): { code: string; message: unknown; sentence: unknown } {
  return { code, message, sentence: sentenceOf(code) };
}

/** `IPC_INVALID_PAYLOAD` naming this field path (`payload.title`, `(payload)` for the whole). */
export function invalidPayload(field: string): { code: string; message: unknown; sentence: unknown } {
  return refusal('IPC_INVALID_PAYLOAD', expect.stringContaining(`: ${field}: `));
}

/** The error of a call that must fail and leave every database row and file as it was. */
export async function rejectsUnchanged(world: CommandWorld, name: string, payload: unknown): Promise<IpcError> {
  const before = world.snapshot();
  const error = await world.fail(name, payload);
  expect(world.snapshot()).toEqual(before);
  return error;
}

/** A payload refused before the handler (`IPC_INVALID_PAYLOAD`, the message naming `field`), changing nothing. */
export async function expectInvalid(world: CommandWorld, name: string, payload: unknown, field: string): Promise<void> {
  const error = await rejectsUnchanged(world, name, payload);
  expect(error.code).toBe('IPC_INVALID_PAYLOAD');
  expect(error.message).toContain(field);
}

/** A call refused with the domain or IPC `code`, changing nothing. */
export async function expectRejected(world: CommandWorld, name: string, payload: unknown, code: string): Promise<void> {
  expect(await rejectsUnchanged(world, name, payload)).toMatchObject({ code });
}
