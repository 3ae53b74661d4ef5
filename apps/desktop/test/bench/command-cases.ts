import { join } from 'node:path';
import {
  NOTES,
  openPosturedConnection,
  spreadStride,
  writeCaseHarness,
  type BenchCase,
  type BenchContext,
  type Dataset,
} from '@lepupitre/bench/harness';
import { type DatabaseHandle } from '@lepupitre/db-core';
import { getFeedbackNote, listFeedbackTimeline, setFeedbackNote, TIMELINE_DEFAULT_LIMIT } from '@lepupitre/repo-feedback';
import { getActiveProject, getRun, listRuns, RUN_LIST_DEFAULT_LIMIT } from '@lepupitre/repo-talk';
import { createProfile, ensureProfileExists } from '@lepupitre/repo-workspace';
import { COMMANDS, type CommandContext, type ProfileSession } from '../../src/commands';
import { createRouter, type Router } from '../../src/ipc/router';
import { openGuardedDatabase } from '@lepupitre/db-ops';

export type CommandImplementationName = 'repository' | 'profileChecked' | 'command';

export type CommandCase = BenchCase<CommandImplementationName>;

const GLOBAL_DATABASE_FILE = 'global.db';

/**
 * A host context over the dataset: a real global database holding one profile row, and that
 * profile's session served from the handle that built the data. `profile()` does what the
 * host's does once the database is open: the existence check on the global database, then the
 * lookup that also marks the session as the most recently used.
 */
function benchContext(data: Dataset): { context: CommandContext; profileId: string; global: DatabaseHandle } {
  const globalDatabasePath = join(data.dir, GLOBAL_DATABASE_FILE);
  const global = openGuardedDatabase(globalDatabasePath, 'global').db;
  try {
    // The row is what the commands check; the folder and database it creates stay unused.
    const profileId = createProfile(global, data.dir, 'Bench');
    const sessions = new Map<string, ProfileSession>([[profileId, { id: profileId, db: data.db, dir: data.dir }]]);
    const context: CommandContext = {
      dataDir: data.dir,
      // No measured command writes a pack.
      appVersion: '0.0.0-bench',
      globalDatabasePath,
      global: () => global,
      profile: (id) => {
        ensureProfileExists(global, id);
        const session = sessions.get(id);
        if (session === undefined) throw new Error(`bench context: profile ${id} has no session`);
        sessions.delete(id);
        sessions.set(id, session);
        return session;
      },
      heldProfileDatabase: (id) => sessions.get(id)?.db ?? null,
      releaseProfile: () => undefined,
    };
    return { context, profileId, global };
  } catch (error) {
    global.close();
    throw error;
  }
}

/**
 * The command's `data`, or an error naming the code: a failing command would otherwise be
 * timed on its error path.
 */
async function invokeOk(router: Router, name: string, payload: unknown, internal: () => unknown): Promise<unknown> {
  const result = await router.invoke(name, payload);
  if (result.ok) return result.data;
  throw new Error(`${name} failed with ${result.error.code}: ${result.error.message}`, { cause: internal() });
}

/**
 * Hot IPC commands through `router.invoke` (request parsed with zod, the profile checked on the
 * global database, the handler, the response checked with zod, the serial queue, the awaits),
 * each against the repository call its handler makes, called directly on the same handle. The
 * second baseline adds the profile check every command needs anyway, so that what is left
 * between it and the command is the router's own cost (with the host's session lookup and the
 * handler's destructuring, a few property accesses). The repository returns its typed
 * values; the command's `data` is the same value, `null` for a void result.
 */
export async function createCommandCases(data: Dataset): Promise<BenchContext<CommandImplementationName>> {
  const { context, profileId, global } = benchContext(data);
  // The write case's checkpoints go through a connection of its own, as in the data-layer bench.
  let checkpointer: ReturnType<typeof openPosturedConnection>;
  try {
    checkpointer = openPosturedConnection(data.path);
  } catch (error) {
    global.close();
    throw error;
  }
  let lastInternalError: unknown;
  const router = createRouter(COMMANDS, context, {
    onInternalError: (_name, error) => {
      lastInternalError = error;
    },
  });
  const invoke = (name: string, payload: unknown) => invokeOk(router, name, payload, () => lastInternalError);

  const db = data.db;
  const talks = data.talkIds;
  const stride = spreadStride(talks.length);
  const talkAt = (i: number) => talks[(i * stride) % talks.length] as string;
  const analysed = data.analysedTalk;
  const runAt = (i: number) => analysed.runIds[i % analysed.runIds.length] as string;
  const feedbackAt = (i: number) => analysed.feedbackIds[i % analysed.feedbackIds.length] as string;
  const noteAt = (i: number) => NOTES[i % NOTES.length] as string;
  /** The repository call preceded by the profile check that every command makes first. */
  const profileChecked =
    (direct: (i: number) => unknown) =>
    (i: number): unknown => {
      ensureProfileExists(global, profileId);
      return direct(i);
    };

  /** A read command against the repository call its handler makes, for the same input. */
  const readCase = (
    name: string,
    description: string,
    direct: (i: number) => unknown,
    payload: (i: number) => Record<string, unknown>,
  ): CommandCase => {
    const checked = profileChecked(direct);
    return {
      name,
      description,
      implementations: {
        repository: { kind: 'sync', call: direct },
        profileChecked: { kind: 'sync', call: checked },
        command: { kind: 'async', call: (i) => invoke(name, payload(i)) },
      },
      check: async () => [direct(3), checked(3), await invoke(name, payload(3))],
    };
  };

  const runGet = readCase(
    'run_get',
    'getRun: one run of the analysed talk by id',
    (i) => getRun(db, runAt(i)),
    (i) => ({ profileId, runId: runAt(i) }),
  );

  const runList = readCase(
    'run_list',
    `listRuns: the ${RUN_LIST_DEFAULT_LIMIT} (default limit) latest runs of a talk`,
    (i) => listRuns(db, talkAt(i)),
    (i) => ({ profileId, projectId: talkAt(i), limit: null }),
  );

  const timeline = readCase(
    'feedback_timeline_list',
    `listFeedbackTimeline: the ${TIMELINE_DEFAULT_LIMIT} latest of a talk's ${analysed.runIds.length} analysed runs`,
    () => listFeedbackTimeline(db, { projectId: analysed.id }),
    // The UI sends both keys, null when unset.
    () => ({ profileId, projectId: analysed.id, limit: null }),
  );

  const activeProject = readCase(
    'project_get_active',
    'getActiveProject: the active talk',
    () => getActiveProject(db),
    () => ({ profileId }),
  );

  const setNote = (i: number) => setFeedbackNote(db, feedbackAt(i), noteAt(i));
  const setNoteChecked = profileChecked(setNote);
  const setNotePayload = (i: number) => ({ profileId, feedbackId: feedbackAt(i), note: noteAt(i) });
  /** What the call sent back (a void repository call is `null` on the wire) and the note it left. */
  const noteAfter = (returned: unknown, i: number) => ({
    data: returned === undefined ? null : returned,
    note: getFeedbackNote(db, feedbackAt(i)),
  });

  const noteSet: CommandCase = {
    name: 'feedback_note_set',
    description: 'setFeedbackNote: feedback checked and note upserted in one write transaction',
    harness: writeCaseHarness(checkpointer),
    writes: true,
    implementations: {
      repository: { kind: 'sync', call: setNote },
      profileChecked: { kind: 'sync', call: setNoteChecked },
      command: { kind: 'async', call: (i) => invoke('feedback_note_set', setNotePayload(i)) },
    },
    // Each path writes a note on its own feedback row; indexes 1, 9 and 17 get the same note text.
    check: async () => [
      noteAfter(setNote(1), 1),
      noteAfter(setNoteChecked(9), 9),
      noteAfter(await invoke('feedback_note_set', setNotePayload(17)), 17),
    ],
  };

  return {
    cases: [runGet, runList, timeline, activeProject, noteSet],
    close: async () => {
      await router.idle();
      checkpointer.close();
      global.close();
    },
  };
}
