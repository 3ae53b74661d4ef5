import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { ensureOwnerOnlyDir } from '@lepupitre/db-core';
import { fsyncDirectory, fsyncFile } from '@lepupitre/db-core/internals';
import { digestFile, type FileDigest } from '../files/file-digest';
import { removeQuietly } from '../files/remove-quietly';
import { claimFreeName, PARTIAL_SUFFIX } from './backup-folder';
import { manifestPathOf, writeManifest, type AnyBackupManifest } from './backup-manifest';
import { awaited, runAsynchronously, runSynchronously, type Awaitable, type Procedure } from './sync-or-async';
import { verifyDatabaseCopy, type SoundCopy } from './verify-copy';

/** The points of a verified copy where a failure can strike, in order, as told to `onStep`. */
export type VerifiedCopyStep = 'copy' | 'verify' | 'checksum' | 'manifest' | 'place';

/** What the pipeline knows of a copy once it is verified, synced and hashed. */
export interface SealedCopy<Written> {
  /** File name inside the folder; the copy is still at `partialPath` under `<file>.partial`. */
  readonly file: string;
  readonly partialPath: string;
  /** What the caller's `write` returned. */
  readonly written: Written;
  readonly sound: SoundCopy;
  readonly digest: FileDigest;
}

/**
 * Something that travels with a copy (a profile backup's artifact files): gathered once the copy
 * is sealed, placed after the manifest is written and just before the copy is renamed, and
 * discarded when the copy fails before it is in place.
 */
export interface CopyCompanion<Written, Gathered> {
  gather(copy: SealedCopy<Written>): Awaitable<Gathered>;
  place(file: string, gathered: Gathered): void;
  /** `placed`: whether `place` ran, so that only what this copy put in place is removed. */
  discard(file: string, placed: boolean): void;
}

export interface VerifiedCopyPlan<Written, Gathered, Manifest extends AnyBackupManifest> {
  /** The `backups/` folder: created owner-only if absent. */
  readonly dir: string;
  /** What an earlier copy that died left behind, removed before a name is claimed (each kind has its own rule). */
  readonly removeAbandoned: () => void;
  /** The file name to try for the n-th copy of its kind and second (1, 2, ...). */
  readonly nameFor: (counter: number) => string;
  /** Writes the copy into `partialPath`, an empty owner-only file the pipeline created. */
  readonly write: (partialPath: string) => Awaitable<Written>;
  /**
   * The error of a copy that failed its integrity check (each kind words its own). A copy that
   * could not be read at all fails with what stopped the read, as any other failure.
   */
  readonly damaged: () => Error;
  readonly companion?: CopyCompanion<Written, Gathered>;
  /** The manifest of the sealed copy; `gathered` is the companion's, when there is one. */
  readonly describe: (copy: SealedCopy<Written>, gathered: Gathered | undefined) => Manifest;
  /** Retention once the copy is in place; returns the names it deleted. */
  readonly retain: (file: string) => string[];
  /** Told before each step. The fault-injection tests throw from it. */
  readonly onStep?: (step: VerifiedCopyStep) => void;
}

export interface VerifiedCopyResult<Written, Gathered, Manifest extends AnyBackupManifest> {
  readonly file: string;
  readonly manifest: Manifest;
  readonly pruned: readonly string[];
  readonly written: Written;
  readonly gathered: Gathered | undefined;
}

/** A plan whose steps all return at once: what `writeVerifiedCopySync` accepts. */
export interface SynchronousCopyPlan<Written, Manifest extends AnyBackupManifest>
  extends Omit<VerifiedCopyPlan<Written, never, Manifest>, 'write' | 'companion'> {
  readonly write: (partialPath: string) => Written;
}

/**
 * The one way a copy enters `backups/`, for backups and pre-migration snapshots alike:
 * 1. claim a free name by creating its `<name>.partial` copy, empty and owner-only, exclusively;
 * 2. the caller writes the copy into it;
 * 3. `verifyDatabaseCopy` proves it sound (integrity, foreign keys counted, one self-contained
 *    file), else the caller's `damaged` error (or what stopped the read);
 * 4. fsync it, then hash it: the manifest describes bytes that are on disk;
 * 5. the companion, if any, gathers what travels with it;
 * 6. the manifest is written (durably, see `writeManifest`);
 * 7. the companion is placed, then the copy renamed to its name, then the folder fsynced, so
 *    that the name survives a power cut;
 * 8. retention, which is housekeeping: its failure leaves the verified copy standing.
 * A failure before the copy is in place removes the partial copy, the manifest and the
 * companion's work, and is thrown as it is: each caller maps it to its own error code.
 */
export function writeVerifiedCopy<Written, Gathered, Manifest extends AnyBackupManifest>(
  plan: VerifiedCopyPlan<Written, Gathered, Manifest>,
): Promise<VerifiedCopyResult<Written, Gathered, Manifest>> {
  return runAsynchronously(verifiedCopy(plan));
}

/** `writeVerifiedCopy` for a caller that cannot wait (a snapshot taken inside `openDatabase`). */
export function writeVerifiedCopySync<Written, Manifest extends AnyBackupManifest>(
  plan: SynchronousCopyPlan<Written, Manifest>,
): VerifiedCopyResult<Written, never, Manifest> {
  return runSynchronously(verifiedCopy<Written, never, Manifest>(plan));
}

function* verifiedCopy<Written, Gathered, Manifest extends AnyBackupManifest>(
  plan: VerifiedCopyPlan<Written, Gathered, Manifest>,
): Procedure<VerifiedCopyResult<Written, Gathered, Manifest>> {
  const step = plan.onStep ?? ((): void => undefined);
  let file: string | undefined;
  let companionPlaced = false;
  let placed = false;
  try {
    ensureOwnerOnlyDir(plan.dir);
    plan.removeAbandoned();
    file = claimFreeName(plan.dir, plan.nameFor);
    const target = join(plan.dir, file);
    const partialPath = `${target}${PARTIAL_SUFFIX}`;
    step('copy');
    const written = yield* awaited(plan.write(partialPath));
    step('verify');
    const verdict = verifyDatabaseCopy(partialPath);
    if (!verdict.ok) throw verdict.defect === 'integrity' ? plan.damaged() : unreadable(verdict.cause);
    step('checksum');
    fsyncFile(partialPath);
    const sealed: SealedCopy<Written> = { file, partialPath, written, sound: verdict.copy, digest: digestFile(partialPath) };
    const gathered = plan.companion ? yield* awaited(plan.companion.gather(sealed)) : undefined;
    const manifest = plan.describe(sealed, gathered);
    step('manifest');
    writeManifest(target, manifest);
    if (plan.companion) {
      plan.companion.place(file, gathered as Gathered);
      companionPlaced = true;
    }
    step('place');
    renameSync(partialPath, target);
    placed = true;
    fsyncDirectory(plan.dir);
    return { file, manifest, pruned: retainQuietly(plan, file), written, gathered };
  } catch (error) {
    if (file !== undefined && !placed) {
      const target = join(plan.dir, file);
      removeQuietly(`${target}${PARTIAL_SUFFIX}`);
      removeQuietly(manifestPathOf(target));
      plan.companion?.discard(file, companionPlaced);
    }
    throw error;
  }
}

/** Retention is housekeeping: if it fails, the verified copy just written still stands. */
function retainQuietly(plan: { readonly retain: (file: string) => string[] }, file: string): string[] {
  try {
    return plan.retain(file);
  } catch {
    return [];
  }
}

function unreadable(cause: unknown): Error {
  return cause instanceof Error ? cause : new Error('unreadable copy');
}
