import { ensureUserGivenDir, tryExclusiveFileLock, type ExclusiveFileLock } from '@lepupitre/db-core';
import { LepupitreError } from '@lepupitre/domain-primitives';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { HostLaunchErrorCode } from './host-error';
import { readHostRecord, removeHostRecord, writeHostRecord, type HostRecord } from './host-record';
import { processAlive, recordedHostAnswers } from './running-host-probe';

/** The host lock, beside the record at the root of the data folder. Never deleted. */
export const HOST_LOCK_FILE = 'app-host.lock';

/**
 * How long a launch that finds the lock held waits for its holder to answer (or to let go)
 * before refusing without an address: the other host may be starting (it takes the lock before
 * it listens) or stopping (it lets go once its databases are closed, at most 10 s).
 */
export const CLAIM_WAIT_MS = 5000;
const CLAIM_POLL_MS = 100;

export interface DataFolderClaim {
  /** Records this host (pid, port, start time) once it listens. */
  record(port: number): void;
  /** At a clean stop, after the databases are closed: removes the record, then lets go of the lock. */
  release(): void;
}

export interface ClaimOptions {
  readonly loopback: string;
  readonly waitMs?: number;
}

export class HostAlreadyRunning extends LepupitreError {
  readonly code = HostLaunchErrorCode.ALREADY_RUNNING;

  constructor(message: string) {
    super(message);
  }
}

/**
 * Makes this launch the only host of `dataDir`, or refuses it with the address of the one that
 * is. Two hosts on one folder would each keep the folder's databases open and each believe its
 * tab is the app; the second one is refused before it listens, opens anything or prints a token.
 *
 * Ownership is the host lock (`tryExclusiveFileLock`), held for the host's whole life: taken
 * without waiting, so of two launches at the same instant exactly one gets it, and released by
 * the system when its holder dies, so a crash never blocks the next start. The record
 * (`host-record.ts`) only tells where the holder listens. A record found while the lock is free
 * is stale (its host died or was stopped before it could remove it) and is replaced. A record
 * found while the lock is held is believed only if its process is alive and its port answers
 * `GET /health` as that process; until it does, the launch keeps trying the lock and the record.
 */
export async function claimDataFolder(dataDir: string, options: ClaimOptions): Promise<DataFolderClaim> {
  ensureUserGivenDir(dataDir);
  const deadline = Date.now() + (options.waitMs ?? CLAIM_WAIT_MS);
  /** The last record whose process was alive: the likely holder, to name if it never answers. */
  let holder: HostRecord | null = null;
  for (;;) {
    const lock = tryExclusiveFileLock(path.join(dataDir, HOST_LOCK_FILE));
    if (lock) return heldClaim(dataDir, lock);
    const record = readHostRecord(dataDir);
    if (record && processAlive(record.pid)) {
      holder = record;
      if (await recordedHostAnswers(record, options.loopback)) throw new HostAlreadyRunning(runningMessage(record, options.loopback));
    }
    if (Date.now() >= deadline) throw new HostAlreadyRunning(silentHolderMessage(holder, options.loopback));
    await sleep(CLAIM_POLL_MS);
  }
}

function heldClaim(dataDir: string, lock: ExclusiveFileLock): DataFolderClaim {
  // Whatever record is there names a host that no longer holds the lock.
  removeHostRecord(dataDir);
  let released = false;
  return {
    record(port: number): void {
      writeHostRecord(dataDir, { pid: process.pid, port, startedAt: new Date().toISOString() });
    },
    release(): void {
      if (released) return;
      released = true;
      try {
        removeHostRecord(dataDir);
      } finally {
        lock.release();
      }
    },
  };
}

/**
 * The address without the token: the token is never written to disk (`host-record.ts`), and
 * this address alone gives no access. The person already opened the first host's full address,
 * which its terminal still shows.
 */
function runningMessage(record: HostRecord, loopback: string): string {
  return [
    `LePupitre is already running on this data folder, at http://${loopback}:${record.port}/ (process ${record.pid}, started ${record.startedAt}).`,
    'Go back to its page, or open the address it printed (with its access token) again.',
    'To start a new one, stop that one first (Ctrl+C where it runs), then run npm start again.',
  ].join('\n');
}

function silentHolderMessage(record: HostRecord | null, loopback: string): string {
  const who = record ? `process ${record.pid}, recorded at http://${loopback}:${record.port}/` : `its lock file ${HOST_LOCK_FILE}`;
  return [
    `Another LePupitre host holds this data folder (${who}) but does not answer.`,
    'Stop it first (Ctrl+C where it runs, or end that process), then run npm start again.',
  ].join('\n');
}
