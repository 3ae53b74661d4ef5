import fc from 'fast-check';
import { COMMANDS } from '../../src/commands/catalogue';
import { hasSentence, sentenceOf } from '../../src/errors/error-sentence';
import type { IpcResult } from '../../src/ipc/ipc-result';
import type { WorldTemplate } from '../support/world-template';
import { payloadFor, poolOf, requestKeys, type Pool } from './payload-arbitraries';
import { seededCopy, seededTemplate, type Seed, type SeededWorld } from './seeded-world';

/*
 * Properties of the router over the real catalogue, whatever it holds: each command gets a
 * freshly seeded data folder (a profile, talks, a run with audio, transcript and feedback, an
 * attempt, a pack, a peer review), so ids that exist are among the values tried, and a
 * command that deletes (profile_delete on the seeded profile, voice_memo_delete on the spare
 * audio) only spoils its own folder. No command is left out or handled apart.
 *
 * The folder is seeded once per file and copied for each command (`seeded-world.ts`). How many
 * payloads each property tries is the caller's: `router-properties.spec.ts` (npm test) and
 * `router-properties.drill.ts` (npm run drills) run these same properties with their own counts.
 */

export interface RouterPropertyRuns {
  /** Names outside the catalogue tried, on one folder. */
  readonly unknownNames: number;
  /** Calls per command for the no-write property: each one reads every database once. */
  readonly noWrite: number;
  /** Calls per command for the result-shape property: cheap (no snapshot). */
  readonly shape: number;
}

/** LEPUPITRE_PROPERTY_RUNS: a factor on the number of runs, for a deeper local search (1 by default). */
export function propertyRunScale(): number {
  return Math.max(1, Number(process.env['LEPUPITRE_PROPERTY_RUNS'] ?? '1') || 1);
}

function describeValue(value: unknown): string {
  try {
    const text = JSON.stringify(value, (_key, v: unknown) => (v === undefined ? '<undefined>' : typeof v === 'number' && !Number.isFinite(v) ? String(v) : v));
    return text === undefined ? String(value) : text.length > 400 ? `${text.slice(0, 400)}…` : text;
  } catch {
    return String(value);
  }
}

/** A result as the transport will carry it, and nothing the caller should not see. */
function checkResult(name: string, payload: unknown, result: IpcResult, dataDir: string): void {
  const where = `${name} with ${describeValue(payload)} gave ${describeValue(result)}`;
  if (typeof result !== 'object' || result === null) throw new Error(`${where}: not an object`);
  if (result.ok === true) {
    if (Object.keys(result).sort().join() !== 'data,ok') throw new Error(`${where}: keys of a success`);
    // The UI receives JSON: no NaN, no undefined inside, no Buffer or Date.
    expect(JSON.parse(JSON.stringify(result))).toStrictEqual(result);
    return;
  }
  if (result.ok !== false || Object.keys(result).sort().join() !== 'error,ok') throw new Error(`${where}: not { ok, data } or { ok, error }`);
  const { code, message } = result.error;
  if (Object.keys(result.error).sort().join() !== 'code,message,sentence') throw new Error(`${where}: error keys`);
  if (typeof code !== 'string' || code === '' || typeof message !== 'string') throw new Error(`${where}: code or message not a string`);
  // Every code an answer carries has its own sentences in the catalogue, not the fallback.
  if (!hasSentence(code)) throw new Error(`${where}: no sentence for the code`);
  expect(result.error.sentence).toEqual(sentenceOf(code));
  // A payload either validates or is IPC_INVALID_PAYLOAD; a validated one ends in a typed error.
  if (code === 'IPC_INTERNAL' || code === 'IPC_UNKNOWN_COMMAND') throw new Error(`${where}: untyped failure`);
  if (message.includes(dataDir)) throw new Error(`${where}: the message names the data folder`);
  if (/\n\s+at .+:\d+:\d+/.test(message)) throw new Error(`${where}: the message holds a stack`);
}

/** Declares the properties (call at the top level of a spec or drill file). */
export function describeRouterProperties(runs: RouterPropertyRuns): void {
  let template: WorldTemplate<Seed>;
  beforeAll(async () => {
    template = await seededTemplate();
  });
  afterAll(() => template?.remove());

  describe('router properties over the catalogue', () => {
    it('has commands to test, each under one name', () => {
      expect(COMMANDS.length).toBeGreaterThan(0);
      expect(new Set(COMMANDS.map((c) => c.name)).size).toBe(COMMANDS.length);
    });

    it('answers a name outside the catalogue with IPC_UNKNOWN_COMMAND and writes nothing', async () => {
      const seeded = seededCopy(template);
      try {
        const names = new Set(COMMANDS.map((c) => c.name));
        const before = seeded.world.snapshot();
        await fc.assert(
          fc.asyncProperty(
            fc.string({ maxLength: 80 }).filter((name) => !names.has(name)),
            fc.anything(),
            async (name, payload) => {
              const result = await seeded.world.invoke(name, payload);
              expect(result).toMatchObject({ ok: false, error: { code: 'IPC_UNKNOWN_COMMAND' } });
            },
          ),
          { numRuns: runs.unknownNames },
        );
        expect(seeded.world.snapshot()).toEqual(before);
      } finally {
        await seeded.world.close();
      }
    });
  });

  describe.each(COMMANDS.map((command) => [command.name, command] as const))('%s', (name, command) => {
    let seeded: SeededWorld;
    let pool: Pool;

    beforeAll(() => {
      seeded = seededCopy(template);
      pool = poolOf(seeded.seed);
    });

    afterAll(async () => {
      await seeded?.world.close();
    });

    it('has a request schema whose keys the payload generator can see', () => {
      // Without keys, only fc.anything() would reach the command: say so rather than test less.
      expect(requestKeys(command.request)).not.toBeNull();
    });

    it('leaves the data folder exactly as it was after every rejected call', async () => {
      const { world } = seeded;
      let before = world.snapshot();
      await fc.assert(
        fc.asyncProperty(payloadFor(command.request, pool), async (payload) => {
          const result = await world.invoke(name, payload);
          const after = world.snapshot();
          // A successful write is free to change the folder; the next call compares with it.
          const previous = before;
          before = after;
          if (!result.ok) {
            try {
              expect(after).toEqual(previous);
            } catch (error) {
              throw new Error(`${name} with ${describeValue(payload)} was rejected (${result.error.code}) but wrote:\n${String(error)}`);
            }
          }
        }),
        { numRuns: runs.noWrite },
      );
      expect(world.log).toEqual([]);
    });

    it('answers every payload with { ok: true, data } or a typed { ok: false, error }, never IPC_INTERNAL', async () => {
      const { world } = seeded;
      let validated = 0;
      await fc.assert(
        fc.asyncProperty(payloadFor(command.request, pool), async (payload) => {
          let result: IpcResult;
          try {
            result = await world.invoke(name, payload);
          } catch (error) {
            throw new Error(`${name} with ${describeValue(payload)} rejected instead of resolving: ${String(error)}`);
          }
          checkResult(name, payload, result, world.dataDir);
          if (result.ok || result.error.code !== 'IPC_INVALID_PAYLOAD') validated += 1;
        }),
        { numRuns: runs.shape },
      );
      expect(world.log).toEqual([]);
      // Not a vacuous pass: some payloads got past validation into the handler. If none does, the
      // generator cannot build this command's request yet (teach payload-arbitraries.ts its keys).
      expect(validated).toBeGreaterThan(0);
    });
  });
}
