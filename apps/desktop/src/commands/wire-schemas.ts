import { z } from 'zod';

/**
 * Building blocks of the previous UI's zod contracts, shared by every context's commands.
 *
 * Requests follow what the UI validates before sending, except that an optional argument also
 * accepts `null`, as the previous backend's `Option<T>` did. Responses follow what the UI
 * validates after receiving; objects are non-strict there (unknown keys ignored), and this layer
 * always sends every key, nulls explicit.
 */

/** `IdSchema`: a non-empty string. */
export const Id = z.string().min(1);

/** An optional string argument: non-empty when given, `null` or absent otherwise. */
export const OptionalText = z.string().min(1).nullish();

/** A non-empty string in a response. */
export const Text = z.string().min(1);

/** A nullable field of a response: the key is always present. */
export const NullableText = z.string().min(1).nullable();

/** A list limit: a positive integer, `null` or absent for the command's default. */
export const OptionalLimit = z.number().int().positive().nullish();

/** The result of a command that returns nothing: `null` on the wire. */
export const VoidResponse = z.null();

/** The request of a command that takes only the profile. */
export const ProfileRequest = z.object({ profileId: Id });

/** The request of a command that takes the profile and one of its talks. */
export const ProjectRequest = z.object({ profileId: Id, projectId: Id });

/** `{ path }`: a file written for the user (export, pack). */
export const PathResponse = z.object({ path: Text });

/** The byte count a base64 text decodes to (padding not counted). */
export function decodedBytes(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return Math.floor((base64.length * 3) / 4) - padding;
}

/** The longest padded base64 text of `bytes` bytes. */
export const base64CharsFor = (bytes: number): number => Math.ceil(bytes / 3) * 4;

/**
 * A file carried as base64 text in a request (a WAV, a pack), at most `maxBytes` once decoded.
 * The text length is bounded first, so an oversized payload is refused before it is scanned or
 * decoded;
 * the exact decoded size is checked too, since unpadded text of that length decodes to a
 * little more. `what` names the file in the refusal.
 */
export function boundedBase64(maxBytes: number, what: string): z.ZodType<string> {
  const mib = maxBytes / (1024 * 1024);
  return z
    .string()
    .min(1)
    // Aborting here keeps an oversized text from being scanned by the base64 pattern: at the
    // 96 MiB body limit that scan alone took seconds.
    .max(base64CharsFor(maxBytes), { abort: true })
    .base64()
    .refine((text) => decodedBytes(text) <= maxBytes, `the ${what} is larger than the ${mib} MiB limit`);
}
