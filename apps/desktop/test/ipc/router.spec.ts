import { DbError, DbErrorCode } from '@lepupitre/db-core';
import { DomainError } from '@lepupitre/domain-primitives';
import { z } from 'zod';
import { defineCommand, type AnyCommand } from '../../src/commands/command';
import type { CommandContext } from '../../src/commands/command-context';
import { sentenceOf } from '../../src/errors/error-sentence';
import { FALLBACK_SENTENCE } from '../../src/errors/error-sentences';
import { createRouter, type RouterOptions } from '../../src/ipc/router';

/** The router never touches the context itself: the fake only has to exist for the handlers. */
const context: CommandContext = {
  dataDir: '/home/ada/.local/share/app.lepupitre.desktop',
  appVersion: '0.0.0-test',
  globalDatabasePath: '/home/ada/.local/share/app.lepupitre.desktop/global.db',
  global: () => {
    throw new Error('not used');
  },
  heldProfileDatabase: () => null,
  profile: () => {
    throw new Error('not used');
  },
  releaseProfile: () => undefined,
};

/** A refusal as the router answers it: the code, the message, and the code's sentences. */
function refused(code: string, message: unknown) {
  return { ok: false, error: { code, message, sentence: sentenceOf(code) } };
}

const INTERNAL = refused('IPC_INTERNAL', 'an unexpected internal error occurred');

/** What a leaked driver error would look like: a path, SQL and a stack. */
const LEAKY_MESSAGE =
  "SQLITE_CONSTRAINT: UNIQUE constraint failed: talk_projects.id in /home/ada/.local/share/app.lepupitre.desktop/profiles/prof_1/profile.db while running INSERT INTO talk_projects (id, title) VALUES (?, ?)";

function command(name: string, handler: AnyCommand['handler'], request: z.ZodType = z.object({}), response: z.ZodType = z.unknown()): AnyCommand {
  return defineCommand({ name, request, response, handler });
}

function routerOf(commands: readonly AnyCommand[], options: RouterOptions = {}) {
  return createRouter(commands, context, options);
}

describe('router: command lookup', () => {
  it('reports an unknown command with its name, quoted and cut short', async () => {
    const router = routerOf([command('echo', () => 'hi')]);
    expect(await router.invoke('nope')).toEqual(refused('IPC_UNKNOWN_COMMAND', 'unknown command "nope"'));
    const long = await router.invoke(`x${'y'.repeat(200)}`);
    expect(long).toMatchObject({ ok: false, error: { code: 'IPC_UNKNOWN_COMMAND' } });
    expect(long.ok === false && long.error.message.length).toBeLessThan(90);
    expect(await router.invoke(42 as unknown as string)).toEqual(refused('IPC_UNKNOWN_COMMAND', 'unknown command (not a string)'));
    // Names are looked up as own entries, never through an object's prototype.
    expect(await router.invoke('constructor')).toMatchObject({ ok: false, error: { code: 'IPC_UNKNOWN_COMMAND' } });
    expect(await router.invoke('__proto__')).toMatchObject({ ok: false, error: { code: 'IPC_UNKNOWN_COMMAND' } });
  });

  it('lists the commands in registration order and refuses a name registered twice', () => {
    const router = routerOf([command('b', () => null), command('a', () => null)]);
    expect(router.commandNames).toEqual(['b', 'a']);
    expect(() => routerOf([command('a', () => null), command('a', () => null)])).toThrow('command registered twice: a');
  });
});

describe('router: request validation', () => {
  const Request = z.object({
    profileId: z.string().min(1),
    payload: z.object({
      title: z.string().min(1),
      duration_target_sec: z.number().int().positive().nullish(),
      segments: z.array(z.object({ text: z.string() })).optional(),
    }),
  });

  function validating() {
    const handler = jest.fn((request: unknown) => request);
    return { handler, router: routerOf([command('project_create', handler, Request)]) };
  }

  it('names the nested field the way the UI writes it, and the handler never runs', async () => {
    const { handler, router } = validating();
    const missing = await router.invoke('project_create', { profileId: 'p', payload: {} });
    expect(missing).toEqual(refused('IPC_INVALID_PAYLOAD', expect.stringMatching(/^invalid payload for project_create: payload\.title: /)));
    const badNumber = await router.invoke('project_create', { profileId: 'p', payload: { title: 't', duration_target_sec: 1.5 } });
    expect(badNumber).toMatchObject({ error: { code: 'IPC_INVALID_PAYLOAD', message: expect.stringContaining(': payload.duration_target_sec: ') } });
    const inArray = await router.invoke('project_create', { profileId: 'p', payload: { title: 't', segments: [{ text: 'a' }, { text: 3 }] } });
    expect(inArray).toMatchObject({ error: { code: 'IPC_INVALID_PAYLOAD', message: expect.stringContaining(': payload.segments[1].text: ') } });
    const emptyId = await router.invoke('project_create', { profileId: '', payload: { title: 't' } });
    expect(emptyId).toMatchObject({ error: { code: 'IPC_INVALID_PAYLOAD', message: expect.stringContaining(': profileId: ') } });
    expect(handler).not.toHaveBeenCalled();
  });

  it('calls a payload that is not an object (payload), and reads a missing payload as {}', async () => {
    const { router } = validating();
    for (const payload of [null, 'text', 7, [], true]) {
      expect(await router.invoke('project_create', payload)).toMatchObject({
        ok: false,
        error: { code: 'IPC_INVALID_PAYLOAD', message: expect.stringContaining('project_create: (payload): ') },
      });
    }
    const noArgs = routerOf([command('profile_list', (request) => request)]);
    expect(await noArgs.invoke('profile_list')).toEqual({ ok: true, data: {} });
  });

  it('hands the handler the parsed request: unknown keys dropped, as Tauri ignored extra args', async () => {
    const { handler, router } = validating();
    const result = await router.invoke('project_create', { profileId: 'p', payload: { title: 't', extra: 1 }, other: true });
    expect(result).toEqual({ ok: true, data: { profileId: 'p', payload: { title: 't' } } });
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('does not echo the rejected value in the message', async () => {
    const { router } = validating();
    const result = await router.invoke('project_create', { profileId: 'p', payload: { title: 'secret-title-value', duration_target_sec: 'secret-number' } });
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain('secret');
  });

  it('quotes the payload\'s own keys and an unknown name escaped and bounded', async () => {
    const hostileKey = `k\u001b[2J\u009b\nlepupitre: FAKE\u202e${'A'.repeat(10_000)}`;
    const router = routerOf([
      command('tag', (request) => request, z.object({ tags: z.record(z.string(), z.number()) })),
      command('closed', (request) => request, z.strictObject({})),
    ]);
    const messages = [
      await router.invoke('tag', { tags: { [hostileKey]: 'not a number' } }),
      await router.invoke('closed', { [hostileKey]: 1 }),
      await router.invoke(`tag\u001b[2J\u009b\nlepupitre: FAKE\u2028`),
    ].map((result) => (result.ok ? '' : result.error.message));
    for (const message of messages) {
      const raw = [...message].filter((char) => char < ' ' || (char >= '\u007f' && char <= '\u009f') || char === '\u2028' || char === '\u202e');
      expect(raw).toEqual([]);
      expect(message.length).toBeLessThan(600);
    }
    expect(messages[0]).toMatch(/^invalid payload for tag: tags\.k\\x1b\[2J\\x9b\\nlepupitre: FAKE\\u202eA+…\(10028 chars\): /);
    expect(messages[1]).toContain('k\\x1b[2J\\x9b\\nlepupitre: FAKE\\u202eAAA');
    expect(messages[2]).toBe('unknown command "tag\\x1b[2J\\x9b\\nlepupitre: FAKE\\u2028"');
  });
});

describe('router: errors', () => {
  it('passes a domain error through with its code and message', async () => {
    const onCommandError = jest.fn();
    const onInternalError = jest.fn();
    const thrown = new DomainError('project_not_found');
    const router = routerOf(
      [
        command('sync', () => {
          throw thrown;
        }),
        command('async', async () => {
          await Promise.resolve();
          throw new DomainError('trim_range_invalid', 'the range is empty');
        }),
      ],
      { onCommandError, onInternalError },
    );
    expect(await router.invoke('sync', {})).toEqual(refused('project_not_found', 'project_not_found'));
    expect(await router.invoke('async', {})).toEqual(refused('trim_range_invalid', 'the range is empty'));
    expect(onCommandError).toHaveBeenCalledWith('sync', thrown);
    expect(onCommandError).toHaveBeenCalledTimes(2);
    expect(onInternalError).not.toHaveBeenCalled();
  });

  it('passes a DbError through with its code and safe message, never its details or cause', async () => {
    const onCommandError = jest.fn();
    const cause = new Error(LEAKY_MESSAGE);
    const thrown = new DbError(DbErrorCode.CORRUPT, 'the database is damaged', { details: { path: '/home/ada/x.db' }, cause });
    const router = routerOf([command('read', () => Promise.reject(thrown))], { onCommandError });
    const result = await router.invoke('read', {});
    expect(result).toEqual(refused('DB_CORRUPT', 'the database is damaged'));
    expect(JSON.stringify(result)).not.toMatch(/home|INSERT|SQLITE/);
    expect(onCommandError).toHaveBeenCalledWith('read', thrown);
  });

  it('adds the sentences of the code and keeps code and message as the previous UI matched them', async () => {
    const router = routerOf([
      command('create', () => Promise.reject(new DomainError('profile_name_exists'))),
      command('novel', () => Promise.reject(new DomainError('not_in_the_catalogue'))),
    ]);
    const result = await router.invoke('create', {});
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'profile_name_exists',
        message: 'profile_name_exists',
        sentence: { en: 'A profile with this name already exists. Choose another name.', fr: 'Un profil porte déjà ce nom. Choisissez-en un autre.' },
      },
    });
    expect(await router.invoke('novel', {})).toEqual({ ok: false, error: { code: 'not_in_the_catalogue', message: 'not_in_the_catalogue', sentence: FALLBACK_SENTENCE } });
  });

  it('turns anything else into IPC_INTERNAL with a message free of stack, SQL and path', async () => {
    const onInternalError = jest.fn();
    const plain = new Error(LEAKY_MESSAGE);
    const thrownValues: unknown[] = [plain, LEAKY_MESSAGE, { message: LEAKY_MESSAGE, code: 'project_not_found' }, undefined, null, new TypeError(LEAKY_MESSAGE)];
    const commands = [
      ...thrownValues.map((value, i) =>
        command(`throws_${i}`, () => {
          throw value;
        }),
      ),
      ...thrownValues.map((value, i) => command(`rejects_${i}`, () => Promise.reject(value))),
      command('async_throws', async () => {
        await new Promise((resolve) => setImmediate(resolve));
        throw plain;
      }),
    ];
    const router = routerOf(commands, { onInternalError });
    for (const name of router.commandNames) {
      const result = await router.invoke(name, {});
      expect(result).toEqual(INTERNAL);
      const text = JSON.stringify(result);
      expect(text).not.toMatch(/\/home|profile\.db|INSERT|SQLITE|constraint/i);
      expect(text).not.toMatch(/\bat .*:\d+:\d+/);
    }
    expect(onInternalError).toHaveBeenCalledTimes(router.commandNames.length);
    expect(onInternalError).toHaveBeenCalledWith('throws_0', plain);
  });

  it('a request schema that throws while parsing is IPC_INTERNAL, not a rejected call', async () => {
    const exploding = z.object({ a: z.string() }).refine(() => {
      throw new Error(LEAKY_MESSAGE);
    });
    const router = routerOf([command('boom', () => null, exploding)]);
    await expect(router.invoke('boom', { a: 'x' })).resolves.toEqual(INTERNAL);
  });

  it('reports a response outside the contract as IPC_INTERNAL, and accepts one inside it', async () => {
    const onInternalError = jest.fn();
    const Response = z.object({ id: z.string().min(1), note: z.string().nullable() });
    const router = routerOf(
      [
        command('missing_key', () => ({ id: 'x' }), z.object({}), Response),
        command('wrong_type', () => ({ id: 1, note: null }), z.object({}), Response),
        command('void_undefined', () => undefined, z.object({}), z.null()),
        command('void_null', () => null, z.object({}), z.null()),
        command('fine', async () => ({ id: 'x', note: null }), z.object({}), Response),
      ],
      { onInternalError },
    );
    expect(await router.invoke('missing_key', {})).toEqual(INTERNAL);
    expect(await router.invoke('wrong_type', {})).toEqual(INTERNAL);
    expect(await router.invoke('void_undefined', {})).toEqual(INTERNAL);
    expect(await router.invoke('void_null', {})).toEqual({ ok: true, data: null });
    expect(await router.invoke('fine', {})).toEqual({ ok: true, data: { id: 'x', note: null } });
    expect(onInternalError).toHaveBeenCalledTimes(3);
  });

  it('still resolves to a result when an error observer itself throws', async () => {
    const router = routerOf(
      [
        command('domain', () => {
          throw new DomainError('project_not_found');
        }),
        command('internal', () => {
          throw new Error(LEAKY_MESSAGE);
        }),
        command('fine', () => 'ok'),
      ],
      {
        onCommandError: () => {
          throw new Error('observer failed');
        },
        onInternalError: () => {
          throw new Error('observer failed');
        },
      },
    );
    await expect(router.invoke('domain', {})).resolves.toEqual(refused('project_not_found', 'project_not_found'));
    await expect(router.invoke('internal', {})).resolves.toEqual(INTERNAL);
    await expect(router.invoke('fine', {})).resolves.toEqual({ ok: true, data: 'ok' });
  });
});

describe('router: one command at a time', () => {
  function deferred(): { promise: Promise<void>; resolve: () => void } {
    let resolve!: () => void;
    const promise = new Promise<void>((r) => (resolve = r));
    return { promise, resolve };
  }

  it('runs two async commands one after the other, in call order', async () => {
    const events: string[] = [];
    const gate = deferred();
    const router = routerOf([
      command('slow', async () => {
        events.push('slow:start');
        await gate.promise;
        await new Promise((resolve) => setTimeout(resolve, 5));
        events.push('slow:end');
        return 'slow';
      }),
      command('fast', async () => {
        events.push('fast:start');
        await Promise.resolve();
        events.push('fast:end');
        return 'fast';
      }),
    ]);
    const first = router.invoke('slow', {});
    const second = router.invoke('fast', {});
    await new Promise((resolve) => setTimeout(resolve, 10));
    // The second command has not started while the first one waits.
    expect(events).toEqual(['slow:start']);
    gate.resolve();
    expect(await Promise.all([first, second])).toEqual([
      { ok: true, data: 'slow' },
      { ok: true, data: 'fast' },
    ]);
    expect(events).toEqual(['slow:start', 'slow:end', 'fast:start', 'fast:end']);
  });

  it('keeps going after a failed command and resolves idle() once the queue is drained', async () => {
    const events: string[] = [];
    const router = routerOf([
      command('fails', async () => {
        events.push('fails');
        await Promise.resolve();
        throw new Error('boom');
      }),
      command('bad_response', async () => {
        events.push('bad_response');
        return 42;
      }, z.object({}), z.string()),
      command('works', async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        events.push('works');
        return 1;
      }),
    ]);
    const calls = [router.invoke('fails', {}), router.invoke('bad_response', {}), router.invoke('nope', {}), router.invoke('works', {})];
    await router.idle();
    expect(events).toEqual(['fails', 'bad_response', 'works']);
    const results = await Promise.all(calls);
    expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['IPC_INTERNAL', 'IPC_INTERNAL', 'IPC_UNKNOWN_COMMAND', 'ok']);
  });

  it('close() lets the commands already taken finish and refuses later ones without running them', async () => {
    const gate = deferred();
    let runs = 0;
    const router = routerOf([
      command('slow', async () => {
        runs += 1;
        await gate.promise;
        return 'done';
      }),
    ]);
    const pending = router.invoke('slow', {});
    const closing = router.close();
    expect(await router.invoke('slow', {})).toEqual(refused('IPC_HOST_CLOSED', 'the app is shutting down'));
    gate.resolve();
    await closing;
    expect(await pending).toEqual({ ok: true, data: 'done' });
    expect(runs).toBe(1);
  });
});
