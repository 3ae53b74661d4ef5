import fc from 'fast-check';
import type { z } from 'zod';
import { wavBytes } from '../support/wav-bytes';
import type { Seed } from './seeded-world';

/**
 * Payloads for any command, built from its request schema: a record of the schema's keys (zod 4
 * object schemas expose their shape), each value drawn from the pool (ids of rows that exist,
 * files that exist, and every kind of wrong value) or shaped after the key's own schema (enum
 * values, nested objects, arrays of them). Nothing here names a command: the same generator
 * covers whatever the catalogue holds.
 */

/** The parts of a zod 4 definition the generator reads. */
interface SchemaDef {
  readonly type: string;
  readonly innerType?: z.ZodType;
  readonly in?: z.ZodType;
  readonly shape?: Readonly<Record<string, z.ZodType>>;
  readonly element?: z.ZodType;
  readonly entries?: Readonly<Record<string, string | number>>;
  readonly values?: readonly unknown[];
  readonly options?: readonly z.ZodType[];
  readonly valueType?: z.ZodType;
}

function defOf(schema: z.ZodType): SchemaDef {
  return (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;
}

/** Wrappers that do not change which keys or values are meant. */
const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional']);

function unwrap(schema: z.ZodType): SchemaDef {
  let def = defOf(schema);
  for (let guard = 0; guard < 10; guard++) {
    if (WRAPPERS.has(def.type) && def.innerType) def = defOf(def.innerType);
    else if (def.type === 'pipe' && def.in) def = defOf(def.in);
    else break;
  }
  return def;
}

const TRANSCRIPT_JSON = JSON.stringify({
  schema_version: '1.0.0',
  language: 'en',
  model_id: null,
  duration_ms: 250,
  segments: [{ t_start_ms: 0, t_end_ms: 250, text: 'Hello there', confidence: null }],
});

/** Strings that have broken parsers, paths and SQL before. */
const NASTY_STRINGS = [
  '',
  ' ',
  '\t\n',
  '\0',
  'a\0b',
  'x'.repeat(5000),
  '../../etc/passwd',
  '/etc/passwd',
  'C:\\Windows\\system32',
  "'; DROP TABLE talk_projects; --",
  'null',
  '0',
  '-1',
  '__proto__',
  'constructor',
  '\u{1F3A4} micro',
  '\uD800',
  'prof_00000000000000000000000000000000',
  'proj_00000000000000000000000000000000',
];

const NUMBERS = [0, -0, 1, -1, 1.5, -2.25, 2 ** 31, 2 ** 53, Number.MAX_SAFE_INTEGER + 2, 1e308, -1e308, Number.NaN, Infinity, -Infinity];

/** Values of every kind, none of them tied to a key. */
function junk(): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.string({ unit: 'binary', maxLength: 12 }),
    fc.constantFrom(...NASTY_STRINGS),
    fc.integer(),
    fc.double(),
    fc.constantFrom(...NUMBERS),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.object({ maxDepth: 1, maxKeys: 3 }),
    fc.array(fc.anything({ maxDepth: 1, maxKeys: 2 }), { maxLength: 3 }),
  );
}

export interface Pool {
  /** Any real id, code or path. */
  readonly real: readonly string[];
  /** The real values a key's name points at (`profileId` → the profile, `path` → files...). */
  hinted(key: string): readonly string[];
}

export function poolOf(seed: Seed): Pool {
  // A quarter of a second, as the audio import accepts it.
  const wav = wavBytes({ samples: 4000 });
  const broken = Buffer.from(wav);
  broken.write('RIFX', 0, 'latin1');
  // Matched against the key's exact camelCase name: `profileId` must not read as a file.
  const hints: readonly [RegExp, readonly string[]][] = [
    [/^profileId$/, [seed.profileId]],
    [/^projectId$/, seed.projectIds],
    [/^runId$/, [seed.runId]],
    [/^attemptId$/, [seed.attemptId]],
    [/^feedbackId$/, seed.feedbackIds],
    [/^peerReviewId$/, [seed.peerReviewId]],
    [/^transcriptId$/, [seed.transcriptId]],
    [/^audio[A-Za-z]*Id$/, seed.audioIds],
    [/[aA]rtifactId$/, seed.artifactIds],
    [/^(questCode|code)$/, seed.questCodes],
    [/^path$|Path$/, seed.paths],
    [/[bB]ase64$|^wav/, [wav.toString('base64'), broken.toString('base64'), 'AAAA', 'not base64!']],
    [/^(content|text|editedText|markdown|note)$/, [TRANSCRIPT_JSON, 'Hello everyone\nSecond line', '# Outline\n\n- point']],
    [/^key$/, ['ui.theme', 'coach.locale', 'secret.token', 'bad key!']],
    [/^(locale|language)$/, ['en', 'fr', 'auto', 'xx-YY']],
  ];
  const real = [
    seed.profileId,
    ...seed.projectIds,
    seed.runId,
    seed.attemptId,
    ...seed.feedbackIds,
    seed.peerReviewId,
    ...seed.artifactIds,
    ...seed.questCodes,
    ...seed.paths,
  ];
  return {
    real,
    hinted: (key) => hints.flatMap(([pattern, values]) => (pattern.test(key) ? values : [])),
  };
}

/** Any value for one key: hinted real values, the key's own shape, or anything else. */
function wildValueFor(key: string | null, schema: z.ZodType, pool: Pool, depth: number): fc.Arbitrary<unknown> {
  const choices: fc.WeightedArbitrary<unknown>[] = [
    { weight: 2, arbitrary: junk() },
    { weight: 1, arbitrary: fc.constantFrom(...pool.real) },
  ];
  const hinted = key === null ? [] : pool.hinted(key);
  if (hinted.length > 0) choices.push({ weight: 3, arbitrary: fc.constantFrom(...hinted) });
  const shaped = shapedFor(schema, pool, depth, wildValueFor);
  if (shaped) choices.push({ weight: 3, arbitrary: shaped });
  return fc.oneof(...choices);
}

/**
 * A value that could pass for one key: a real value its name points at when there is one,
 * else one of its own shape; `null` or absent now and then when the key is optional. Records of
 * such values get past validation often enough to reach the handlers and the databases.
 */
function plausibleValueFor(key: string | null, schema: z.ZodType, pool: Pool, depth: number): fc.Arbitrary<unknown> {
  const choices: fc.WeightedArbitrary<unknown>[] = [];
  const hinted = key === null ? [] : pool.hinted(key);
  if (hinted.length > 0) choices.push({ weight: 6, arbitrary: fc.constantFrom(...hinted) });
  const shaped = shapedFor(schema, pool, depth, plausibleValueFor);
  if (shaped) choices.push({ weight: hinted.length > 0 ? 1 : 6, arbitrary: shaped });
  if (WRAPPERS.has(defOf(schema).type)) choices.push({ weight: 1, arbitrary: fc.constantFrom(null, undefined) });
  if (choices.length === 0) return junk();
  return fc.oneof(...choices);
}

type ValueFor = (key: string | null, schema: z.ZodType, pool: Pool, depth: number) => fc.Arbitrary<unknown>;

/** Values of the schema's own type: a record of its keys, its enum values, an array of it. */
function shapedFor(schema: z.ZodType, pool: Pool, depth: number, valueFor: ValueFor): fc.Arbitrary<unknown> | null {
  const def = unwrap(schema);
  if (depth > 3 && ['object', 'array', 'record', 'union'].includes(def.type)) return null;
  switch (def.type) {
    case 'object':
      return def.shape ? recordFor(def.shape, pool, depth) : null;
    case 'array':
      return def.element ? fc.array(valueFor(null, def.element, pool, depth + 1), { maxLength: 4 }) : null;
    case 'record':
      return def.valueType ? fc.dictionary(fc.string({ maxLength: 8 }), valueFor(null, def.valueType, pool, depth + 1), { maxKeys: 3 }) : null;
    case 'enum':
      return def.entries ? fc.constantFrom(...Object.values(def.entries)) : null;
    case 'literal':
      return def.values && def.values.length > 0 ? fc.constantFrom(...def.values) : null;
    case 'union': {
      const options = (def.options ?? [])
        .map((option) => shapedFor(option, pool, depth + 1, valueFor))
        .filter((a): a is fc.Arbitrary<unknown> => a !== null);
      return options.length > 0 ? fc.oneof(...options) : null;
    }
    case 'string':
      return fc.string({ maxLength: 40 });
    case 'number':
    case 'int':
      return fc.oneof(fc.integer({ min: -5, max: 5000 }), fc.integer(), fc.double());
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return null;
  }
}

function recordFor(shape: Readonly<Record<string, z.ZodType>>, pool: Pool, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const keys = Object.keys(shape);
  const fieldsOf = (valueFor: ValueFor) =>
    Object.fromEntries(keys.map((key) => [key, valueFor(key, shape[key] as z.ZodType, pool, depth + 1)]));
  const plausible = fc.record(fieldsOf(plausibleValueFor));
  const choices: fc.WeightedArbitrary<Record<string, unknown>>[] = [
    // Every key plausible: reaches the handler.
    { weight: 3, arbitrary: plausible },
    // Any subset of the keys, each with any value.
    { weight: 2, arbitrary: fc.record(fieldsOf(wildValueFor), { requiredKeys: [] }) },
  ];
  if (keys.length > 0) {
    // All plausible but one key, wrong or missing: the validation of each field, and the
    // domain checks behind it.
    const oneOff = fc.tuple(plausible, fc.constantFrom(...keys), junk(), fc.boolean()).map(([record, key, value, drop]) => {
      const copy: Record<string, unknown> = { ...record };
      if (drop) delete copy[key];
      else copy[key] = value;
      return copy;
    });
    choices.push({ weight: 2, arbitrary: oneOff });
  }
  return fc.oneof(...choices);
}

/** Payloads for a command: anything at all, or records shaped after its request schema. */
export function payloadFor(request: z.ZodType, pool: Pool): fc.Arbitrary<unknown> {
  const shaped = shapedFor(request, pool, 0, plausibleValueFor);
  const anything = fc.oneof(fc.anything(), fc.constant(undefined), fc.constant(null));
  return shaped ? fc.oneof({ weight: 1, arbitrary: anything }, { weight: 5, arbitrary: shaped }) : anything;
}

/** Whether the request schema is an object whose keys the generator can see. */
export function requestKeys(request: z.ZodType): readonly string[] | null {
  const def = unwrap(request);
  return def.type === 'object' && def.shape ? Object.keys(def.shape) : null;
}
