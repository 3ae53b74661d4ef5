import { type DatabaseScope } from '@lepupitre/db-core';
import { globalSeeder, profileSeeder } from '@lepupitre/fixtures';
import Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, closeSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { openGuardedDatabase } from '@lepupitre/db-ops';

/**
 * Data folders for the recovery and doctor commands: databases filled through their real
 * schema, damaged at a page found through `dbstat`, with verified backups as the backup module
 * writes them.
 */

interface Column {
  readonly name: string;
  readonly type: string;
}

interface ForeignKey {
  readonly table: string;
  readonly from: string;
  readonly to: string | null;
}

/**
 * Puts one row into every table (but the migration history), with a distinct canary string in
 * every text column and the parent's key in every foreign-key column, so that any leak of row
 * content into a report or an output can be searched for. Returns the canaries.
 */
export function plantCanaries(file: string, tag: string): string[] {
  const canaries: string[] = [];
  const db = new Database(file);
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations'")
      .pluck()
      .all() as string[];
    const keyOf = new Map<string, Record<string, unknown>>();
    const pending = [...tables];
    while (pending.length > 0) {
      const index = pending.findIndex((table) => foreignKeys(db, table).every((fk) => fk.table === table || keyOf.has(fk.table) || !tables.includes(fk.table)));
      const [table] = pending.splice(index === -1 ? 0 : index, 1) as [string];
      const row: Record<string, unknown> = {};
      const fks = foreignKeys(db, table);
      for (const column of columns(db, table)) {
        const fk = fks.find((f) => f.from === column.name);
        if (fk && keyOf.has(fk.table)) {
          row[column.name] = keyOf.get(fk.table)?.[fk.to ?? 'id'] ?? null;
        } else if (/INT/i.test(column.type)) {
          row[column.name] = column.name === 'is_training' || column.name === 'is_active' ? 0 : 1;
        } else {
          const canary = `CANARY${tag}${table}${column.name}${randomBytes(4).toString('hex')}`.replace(/_/g, '');
          canaries.push(canary);
          row[column.name] = canary;
        }
      }
      const names = Object.keys(row);
      db.prepare(`INSERT INTO "${table}" (${names.map((n) => `"${n}"`).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`).run(
        names.map((n) => row[n]),
      );
      keyOf.set(table, row);
    }
  } finally {
    db.close();
  }
  return canaries;
}

function columns(db: Database.Database, table: string): Column[] {
  return db.prepare('SELECT name, type FROM pragma_table_info(?) ORDER BY cid').all(table) as Column[];
}

function foreignKeys(db: Database.Database, table: string): ForeignKey[] {
  return db.prepare('SELECT "table" AS "table", "from" AS "from", "to" AS "to" FROM pragma_foreign_key_list(?)').all(table) as ForeignKey[];
}

/** A migrated database with some ordinary rows, so that its tables span several pages. */
export function createFilledDatabase(file: string, scope: DatabaseScope, rows = 400): void {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  openGuardedDatabase(file, scope).db.close();
  const at = '2026-01-01T00:00:00+00:00';
  if (scope === 'global') {
    const kit = globalSeeder(file, { clock: at });
    try {
      kit.transaction(() => {
        for (let i = 0; i < rows; i++) kit.newProfile({ id: `prof_${String(i).padStart(32, '0')}`, name: `Profile ${i}`, last_opened_at: at });
      });
    } finally {
      kit.close();
    }
    return;
  }
  const kit = profileSeeder(file, { clock: at });
  try {
    kit.transaction(() => {
      kit.newTalk({ id: 'proj_base', title: 'Base talk', talk_number: 100 });
      for (let i = 0; i < rows; i++) {
        kit.newRun({ id: `run_${String(i).padStart(32, '0')}`, project_id: 'proj_base', created_at: `2026-01-01T00:00:${String(i % 60).padStart(2, '0')}+00:00` });
      }
    });
  } finally {
    kit.close();
  }
}

/** A verified backup named as earlier versions named them (`backups/<stem>-<scope>-backup-<stamp>.db`), and its manifest. */
export function writeVerifiedBackup(file: string, scope: DatabaseScope): string {
  const dir = path.join(path.dirname(file), 'backups');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const name = `${path.basename(file, '.db')}-${scope}-backup-20260201T000000Z.db`;
  const target = path.join(dir, name);
  const db = new Database(file, { readonly: true });
  try {
    db.prepare('VACUUM INTO ?').run(target);
  } finally {
    db.close();
  }
  chmodSync(target, 0o600);
  const content = readFileSync(target);
  const manifest = {
    kind: 'backup',
    scope,
    schemaVersion: null,
    bytes: content.length,
    sha256: createHash('sha256').update(content).digest('hex'),
    createdAt: '2026-02-01T00:00:00+00:00',
    verified: true,
  };
  writeFileSync(`${target}.json`, JSON.stringify(manifest), { mode: 0o600 });
  return name;
}

/** Random bytes over the middle leaf page of a table. */
export function damageLeafOf(file: string, table: string): void {
  const db = new Database(file, { readonly: true });
  let pages: number[];
  try {
    pages = db.prepare("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno").pluck().all(table) as number[];
  } finally {
    db.close();
  }
  const page = pages[Math.floor(pages.length / 2)];
  if (page === undefined) throw new Error(`no leaf page of ${table}`);
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, randomBytes(4096), 0, 4096, (page - 1) * 4096);
  } finally {
    closeSync(fd);
  }
}

/** The first 100 bytes zeroed: SQLite calls the file "not a database"; every page is intact. */
export function zeroHeader(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, Buffer.alloc(100), 0, 100, 0);
  } finally {
    closeSync(fd);
  }
}
