import { DomainError } from '../errors/domain-error';

/*
 * Typed reading of stored JSON documents (feedback, transcripts), with the previous app's
 * strictness: required fields must be present with the right type, integers must be integers,
 * unknown fields are ignored. A failure names the field, never its content.
 */

/** Largest magnitude of a 64-bit signed integer, as a double: the previous app read i64. */
const I64_LIMIT = 2 ** 63;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export type JsonObject = Readonly<Record<string, unknown>>;

export class JsonReader {
  constructor(private readonly errorCode: string) {}

  /** Strict UTF-8 (a byte-order mark is not skipped) then JSON. */
  parse(bytes: Uint8Array): unknown {
    let text: string;
    try {
      text = utf8.decode(bytes);
    } catch (error) {
      throw this.fail('the file is not valid UTF-8', error);
    }
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      throw this.fail('the file is not valid JSON', error);
    }
  }

  object(value: unknown, path: string): JsonObject {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw this.fail(`${path} must be an object`);
    return value as JsonObject;
  }

  array(value: unknown, path: string): readonly unknown[] {
    if (!Array.isArray(value)) throw this.fail(`${path} must be an array`);
    return value;
  }

  string(value: unknown, path: string): string {
    if (typeof value !== 'string') throw this.fail(`${path} must be a string`);
    return value;
  }

  number(value: unknown, path: string): number {
    if (typeof value !== 'number') throw this.fail(`${path} must be a number`);
    return value;
  }

  integer(value: unknown, path: string): number {
    if (typeof value !== 'number' || !Number.isInteger(value) || Math.abs(value) >= I64_LIMIT) {
      throw this.fail(`${path} must be an integer`);
    }
    return value;
  }

  strings(value: unknown, path: string): string[] {
    return this.array(value, path).map((item, i) => this.string(item, `${path}[${i}]`));
  }

  /** Absent and `null` both read as `null`. */
  nullable<T>(value: unknown, read: (present: unknown) => T): T | null {
    return value === undefined || value === null ? null : read(value);
  }

  fail(reason: string, cause?: unknown): DomainError {
    return new DomainError(this.errorCode, `${this.errorCode}: ${reason}`, cause === undefined ? undefined : { cause });
  }
}
