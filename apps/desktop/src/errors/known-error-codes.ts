import * as dbCore from '@lepupitre/db-core';
import * as primitives from '@lepupitre/domain-primitives';
import * as feedback from '@lepupitre/repo-feedback';
import * as pack from '@lepupitre/repo-pack';
import * as quest from '@lepupitre/repo-quest';
import * as talk from '@lepupitre/repo-talk';
import * as workspace from '@lepupitre/repo-workspace';
import * as cli from '../cli/cli-error';
import * as host from '../host/host-error';
import * as page from '../host/page-error-code';
import * as ipc from '../ipc/ipc-error-code';

/**
 * The modules that declare error codes: db-core (`DB_*`, `MIGRATION_*`, the artifact store's),
 * the domain primitives (the transcript document's and the WAV reader's, which every context
 * shares), each repository's public face (the lowercase domain codes), and this app's
 * own (`IPC_*`, `CLI_*`, `HOST_*`, the page's). This app is the one project that sees them all,
 * which is why the sentence catalogue lives here.
 */
const CODE_MODULES = [dbCore, primitives, workspace, talk, quest, feedback, pack, ipc, cli, host, page] as const;

type ValuesOf<T> = T[keyof T];

/** The codes of each module's code constants: its exports named `<Something>ErrorCode` holding codes. */
type CodesOf<M> = M extends unknown
  ? ValuesOf<{
      [K in keyof M as K extends `${string}ErrorCode` ? (M[K] extends Readonly<Record<string, string>> ? K : never) : never]: ValuesOf<M[K]>;
    }>
  : never;

/**
 * Every code a code constant of the product holds. Found by name, so a constant a layer adds
 * later is covered without being listed anywhere: the catalogue's type then asks for its
 * sentences, and the build fails until they are written.
 */
export type KnownErrorCode = CodesOf<(typeof CODE_MODULES)[number]>;

function isCodeConstant(value: unknown): value is Readonly<Record<string, string>> {
  return typeof value === 'object' && value !== null && Object.values(value).every((code) => typeof code === 'string');
}

/** The code constants by name (`DbErrorCode`, `PackErrorCode`, ...), as the modules export them. */
export const ERROR_CODE_CONSTANTS: Readonly<Record<string, Readonly<Record<string, string>>>> = Object.fromEntries(
  CODE_MODULES.flatMap((module) => Object.entries(module).filter(([name, value]) => name.endsWith('ErrorCode') && isCodeConstant(value))),
);
