import { openSqliteConnection } from '@lepupitre/db-core/internals';
import { printableText } from '@lepupitre/domain-primitives';
import { existsSync } from 'node:fs';
import { STATUS_SQL } from './queries';

/**
 * The name of each profile the global database lists, by id, read without writing anything,
 * for operator output that shows names next to `prof_<32 hex>` ids. Names are shown printable
 * (`printableText`): they are user input. Best effort: a global database that is absent,
 * unreadable, damaged or of an unexpected shape gives no names, never an error, since the
 * command that asks is about the databases, not about their names.
 */
export function readProfileNames(globalPath: string): ReadonlyMap<string, string> {
  if (!existsSync(globalPath)) return new Map();
  let db: ReturnType<typeof openSqliteConnection> | undefined;
  try {
    db = openSqliteConnection(globalPath, { readonly: true, fileMustExist: true });
    const rows = db.prepare(STATUS_SQL.profileNames).all() as { id: unknown; name: unknown }[];
    const names = new Map<string, string>();
    for (const { id, name } of rows) {
      if (typeof id === 'string' && typeof name === 'string') names.set(id, printableText(name));
    }
    return names;
  } catch {
    return new Map();
  } finally {
    db?.close();
  }
}
