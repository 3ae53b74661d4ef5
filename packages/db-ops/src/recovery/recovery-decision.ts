import { DbError, DbErrorCode } from '@lepupitre/db-core';
import { classifyFailure, type Classification } from './failure-classification';
import type { FileProbe } from './file-probe';
import { isSound, type SourceView } from './source-view';

/** What recovery will do with a database, from what its readings show. */
export type Decision =
  | { readonly kind: 'healthy'; readonly view: SourceView | null; readonly classification: Classification }
  | { readonly kind: 'refuse'; readonly error: DbError }
  | { readonly kind: 'corruption'; readonly classification: Classification; readonly source: SourceView | null };

/**
 * What the readings of the file show. The file read with its log is what SQLite would serve;
 * the file alone is what the last checkpoint left. Destructive steps follow only from
 * corruption: a failed integrity check, a header or schema entry that had to be repaired, or a
 * log that breaks a file that is sound without it.
 */
export function decide(primary: SourceView, secondary: SourceView | null, probe: FileProbe): Decision {
  const refusalOf = (view: SourceView | null): DbError | null =>
    view?.history && 'refusal' in view.history ? view.history.refusal : null;
  if (isSound(primary) && primary.repairs.length === 0) {
    const refusal = refusalOf(primary);
    return refusal ? { kind: 'refuse', error: refusal } : { kind: 'healthy', view: primary, classification: healthy() };
  }
  // What a newer app wrote is never salvaged into this app's schema: it would drop what this
  // app does not know. The newer app can recover it.
  for (const view of [primary, secondary]) {
    const refusal = refusalOf(view);
    if (refusal?.code === DbErrorCode.NEWER_THAN_APP) return { kind: 'refuse', error: refusal };
  }
  if (secondary && isSound(secondary) && secondary.repairs.length === 0) {
    return { kind: 'corruption', classification: corruption('wal-does-not-match'), source: secondary };
  }
  if (primary.db && primary.integrity?.ok && !primary.scopeOk && primary.repairs.length === 0) {
    return {
      kind: 'refuse',
      error: new DbError(DbErrorCode.SCOPE_MISMATCH, 'the file is a database of another scope; it was not changed'),
    };
  }
  if (primary.db) {
    const reason = primary.repairs.includes('header-rebuilt')
      ? 'header-destroyed'
      : primary.repairs.includes('schema-partly-read')
        ? 'schema-damaged'
        : primary.repairs.length > 0
          ? 'schema-entry-damaged'
          : 'integrity-check-failed';
    return { kind: 'corruption', classification: corruption(reason), source: primary };
  }
  const classification = classifyFailure(primary.openError, probe);
  if (!classification.corruption) return { kind: 'refuse', error: refusalError(classification, primary.openError) };
  return { kind: 'corruption', classification, source: secondary?.db ? secondary : null };
}

function healthy(): Classification {
  return { kind: 'healthy', corruption: false, checkWithoutWal: false, code: null, reason: 'integrity-check-passed' };
}

function corruption(reason: string): Classification {
  return { kind: 'corruption', corruption: true, checkWithoutWal: false, code: DbErrorCode.CORRUPT, reason };
}

const CONDITION_TEXT: Partial<Record<Classification['kind'], string>> = {
  busy: 'the database is locked by another program',
  'disk-full': 'the disk is full',
  'read-only': 'the database or its folder is read-only',
  permission: 'the database cannot be opened (permissions)',
  'io-error': 'an input/output error occurred; copy the data folder off this disk first',
  'not-a-database': 'the file is not a database and shows no sign of having been one',
  'not-a-file': 'the database path is not a file',
  absent: 'there is no database file',
};

/** The typed error that stands for a condition recovery will not act on. */
export function refusalError(classification: Classification, cause: unknown): DbError {
  if (cause instanceof DbError) return cause;
  const code = (classification.code ?? DbErrorCode.SQL) as DbErrorCode;
  const what = CONDITION_TEXT[classification.kind] ?? 'the failure is not corruption';
  return new DbError(code, `${what}; recovery does not apply and nothing was changed`, { cause });
}

/** Failures of the machine, not of the file: they stop recovery with everything as it was. */
export function isMachineFailure(error: DbError): boolean {
  return (
    error.code === DbErrorCode.DISK_FULL ||
    error.code === DbErrorCode.READ_ONLY ||
    error.code === DbErrorCode.CANT_OPEN ||
    error.code === DbErrorCode.IO ||
    error.code === DbErrorCode.BUSY
  );
}
