import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { MIGRATIONS, type DatabaseScope } from '@lepupitre/db-core';
import { openGuardedDatabase } from '../../src';

/**
 * Damaged databases, built at test time from a realistic profile database: every kind of
 * damage the recovery must handle, each applied to a closed file at a page found through
 * `dbstat` (so the damage lands where the fixture says, whatever the page layout).
 */

const hex = (prefix: string, n: number): string => `${prefix}_${n.toString(16).padStart(32, '0')}`;
const at = (n: number): string => new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString().replace('.000Z', '+00:00');

/** A seeded generator: the same damage on every run. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomBytes(length: number, random: () => number): Buffer {
  const buffer = Buffer.alloc(length);
  for (let i = 0; i < length; i++) buffer[i] = Math.floor(random() * 256);
  return buffer;
}

export interface ProfileSizes {
  readonly talks: number;
  readonly runsPerTalk: number;
  readonly attemptsPerTalk: number;
  /** Bytes of artifact metadata: large enough that the artifacts table has three levels. */
  readonly metadataBytes: number;
  /** Offset of the generated ids, so that a second batch does not collide with the first. */
  readonly offset?: number;
}

export const FIXTURE_SIZES: ProfileSizes = { talks: 24, runsPerTalk: 40, attemptsPerTalk: 10, metadataBytes: 600 };

/** A migrated profile database with rows in every table the app writes. */
export function buildProfile(path: string, sizes: ProfileSizes = FIXTURE_SIZES): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  openGuardedDatabase(path, 'profile').db.close();
  addProfileRows(path, sizes);
}

/** Adds a batch of rows (talks with their runs, attempts, feedback, notes, reviews). */
export function addProfileRows(path: string, sizes: ProfileSizes): void {
  const db = new Database(path);
  const base = sizes.offset ?? 0;
  try {
    db.pragma('foreign_keys = ON');
    const talk = db.prepare(
      "INSERT INTO talk_projects (id, title, audience, goal, duration_target_sec, talk_number, stage, created_at, updated_at, is_training) VALUES (?, ?, 'devs', 'teach', 1200, ?, 'train', ?, ?, 0)",
    );
    const outline = db.prepare('INSERT INTO talk_outlines VALUES (?, ?, ?, ?)');
    const artifact = db.prepare('INSERT INTO artifacts VALUES (?, ?, ?, ?, 2048, ?, ?)');
    const feedback = db.prepare('INSERT INTO auto_feedback VALUES (?, ?, ?, ?, ?, ?)');
    const note = db.prepare('INSERT INTO feedback_notes VALUES (?, ?, ?)');
    const run = db.prepare('INSERT INTO runs VALUES (?, ?, ?, ?, ?, ?)');
    const attempt = db.prepare('INSERT INTO quest_attempts VALUES (?, ?, ?, ?, ?, NULL, NULL, ?)');
    const review = db.prepare("INSERT INTO peer_reviews VALUES (?, ?, ?, 'reviewer', ?)");
    const setting = db.prepare('INSERT INTO profile_settings VALUES (?, ?)');
    const metadata = JSON.stringify({ pad: 'm'.repeat(sizes.metadataBytes) });
    let n = base * 10_000;
    db.transaction(() => {
      for (let t = base; t < base + sizes.talks; t++) {
        const projectId = hex('proj', t);
        talk.run(projectId, `Talk ${t}`, t + 1, at(t), at(t));
        outline.run(projectId, `# Talk ${t}\n\n${'## Part\n'.repeat(20)}`, at(t), at(t));
        setting.run(`lepupitre.setting.${t}`, JSON.stringify({ value: t }));
        for (let r = 0; r < sizes.runsPerTalk; r++) {
          n += 1;
          const audio = hex('art', n * 4);
          const transcript = hex('art', n * 4 + 1);
          const fbJson = hex('art', n * 4 + 2);
          artifact.run(audio, 'audio', `artifacts/audio/${audio}.wav`, hex('sha', n * 4), at(n), metadata);
          artifact.run(transcript, 'transcript', `artifacts/transcript/${transcript}.json`, hex('sha', n * 4 + 1), at(n), metadata);
          artifact.run(fbJson, 'feedback', `artifacts/feedback/${fbJson}.json`, hex('sha', n * 4 + 2), at(n), metadata);
          const runId = hex('run', n);
          const fbId = hex('fb', n);
          feedback.run(fbId, 'run', runId, at(n), fbJson, 40 + (n % 60));
          if (n % 3 === 0) note.run(fbId, `note ${n}`, at(n));
          run.run(runId, projectId, at(n), audio, transcript, fbId);
          if (n % 10 === 0) {
            const reviewJson = hex('art', n * 4 + 3);
            artifact.run(reviewJson, 'peer_review', `artifacts/peer_review/${reviewJson}.json`, hex('sha', n * 4 + 3), at(n), metadata);
            review.run(hex('peer', n), runId, at(n), reviewJson);
          }
        }
        for (let a = 0; a < sizes.attemptsPerTalk; a++) {
          n += 1;
          const fbJson = hex('art', n * 4 + 2);
          artifact.run(fbJson, 'feedback', `artifacts/feedback/${fbJson}.json`, hex('sha', n * 4 + 2), at(n), metadata);
          const fbId = hex('fb', n);
          feedback.run(fbId, 'quest_attempt', hex('att', n), at(n), fbJson, 50);
          attempt.run(hex('att', n), projectId, a % 2 ? 'A01' : 'D01', at(n), `answer ${n}`, fbId);
        }
      }
    })();
  } finally {
    db.close();
  }
}

/** A migrated global database with profiles and settings. */
export function buildGlobal(path: string, profiles = 40): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  openGuardedDatabase(path, 'global').db.close();
  const db = new Database(path);
  try {
    const insert = db.prepare('INSERT INTO profiles (id, name, created_at, last_opened_at, is_active) VALUES (?, ?, ?, ?, ?)');
    const setting = db.prepare('INSERT INTO global_settings VALUES (?, ?)');
    db.transaction(() => {
      for (let i = 0; i < profiles; i++) insert.run(hex('prof', i), `Profile ${i}`, at(i), at(i), i === 0 ? 1 : 0);
      for (let i = 0; i < 10; i++) setting.run(`lepupitre_setting_${i}`, JSON.stringify({ i }));
    })();
  } finally {
    db.close();
  }
}

/**
 * A verified backup as the backup module writes it: a consistent copy in
 * `backups/<stem>-<scope>-backup-<stamp>.db` with its manifest. Returns the file name.
 */
export function takeTestBackup(path: string, scope: DatabaseScope, when: Date = new Date(Date.UTC(2026, 1, 1))): string {
  const dir = join(dirname(path), 'backups');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stamp = when.toISOString().slice(0, 19).replace(/[-:]/g, '') + 'Z';
  const file = `${basename(path).replace(/\.db$/, '')}-${scope}-backup-${stamp}.db`;
  const target = join(dir, file);
  const db = new Database(path, { readonly: true });
  try {
    db.prepare('VACUUM INTO ?').run(target);
  } finally {
    db.close();
  }
  const copy = new Database(target);
  const schemaVersion = (copy.prepare('SELECT version FROM schema_migrations ORDER BY rowid DESC LIMIT 1').pluck().get() as string) ?? null;
  copy.pragma('journal_mode = DELETE');
  copy.close();
  chmodSync(target, 0o600);
  const content = readFileSync(target);
  const manifest = {
    kind: 'backup',
    scope,
    schemaVersion,
    bytes: content.length,
    sha256: createHash('sha256').update(content).digest('hex'),
    createdAt: when.toISOString().replace('.000Z', '+00:00'),
    verified: true,
  };
  writeFileSync(`${target}.json`, `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  return file;
}

export interface PageInfo {
  readonly name: string;
  readonly pageno: number;
  readonly pagetype: string;
  readonly path: string;
}

export function pagesOf(path: string): PageInfo[] {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare('SELECT name, pageno, pagetype, path FROM dbstat ORDER BY pageno').all() as PageInfo[];
  } finally {
    db.close();
  }
}

export const PAGE_SIZE = 4096;

export function overwritePage(path: string, pageno: number, random: () => number, from = 0): void {
  writeAt(path, (pageno - 1) * PAGE_SIZE + from, randomBytes(PAGE_SIZE - from, random));
}

export function writeAt(path: string, offset: number, bytes: Buffer): void {
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, bytes, 0, bytes.length, offset);
  } finally {
    closeSync(fd);
  }
}

/** The middle page of the given b-tree and page type. */
export function pageOf(path: string, btree: string, type: 'leaf' | 'internal', nonRoot = false): number {
  const pages = pagesOf(path).filter((p) => p.name === btree && p.pagetype === type && (!nonRoot || p.path !== '/'));
  if (pages.length === 0) throw new Error(`no ${type} page of ${btree}`);
  return (pages[Math.floor(pages.length / 2)] as PageInfo).pageno;
}

/** Truncates a file to a fraction of its size. */
export function truncateTo(path: string, fraction: number): void {
  truncateSync(path, Math.floor(statSync(path).size * fraction));
}

/** Flips bits in the b-tree page headers (first 8 bytes) of some table leaf pages. */
export function flipBits(path: string, btree: string, count: number, random: () => number): void {
  const leaves = pagesOf(path).filter((p) => p.name === btree && p.pagetype === 'leaf');
  const fd = openSync(path, 'r+');
  try {
    for (let i = 0; i < count; i++) {
      const page = leaves[Math.floor(random() * leaves.length)] as PageInfo;
      const offset = (page.pageno - 1) * PAGE_SIZE + 1 + Math.floor(random() * 7);
      const byte = Buffer.alloc(1);
      readSync(fd, byte, 0, 1, offset);
      byte[0] = (byte[0] as number) ^ (1 << Math.floor(random() * 8));
      writeSync(fd, byte, 0, 1, offset);
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Breaks the text of one table's `CREATE` statement in the live schema: each occurrence in
 * the schema pages is tried (free space inside a page can hold stale copies) until SQLite
 * refuses the schema.
 */
export function breakSchemaEntry(path: string, table: string): void {
  const content = readFileSync(path);
  const schemaPages = pagesOf(path).filter((p) => p.name === 'sqlite_schema');
  for (const page of schemaPages) {
    const start = (page.pageno - 1) * PAGE_SIZE;
    const slice = content.subarray(start, start + PAGE_SIZE);
    for (const needle of [`CREATE TABLE "${table}"`, `CREATE TABLE ${table} `, `CREATE TABLE ${table}(`]) {
      for (let index = slice.indexOf(needle); index >= 0; index = slice.indexOf(needle, index + 1)) {
        const offset = start + index + 'CREATE TABL'.length;
        writeAt(path, offset, Buffer.from('X'));
        if (schemaRefused(path)) return;
        writeAt(path, offset, Buffer.from('E'));
      }
    }
  }
  throw new Error(`schema entry of ${table} not found`);
}

function schemaRefused(path: string): boolean {
  const db = new Database(path, { readonly: true });
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return false;
  } catch (error) {
    return /malformed database schema/.test((error as Error).message);
  } finally {
    db.close();
  }
}

/**
 * Puts a migrated profile database back one migration, as an app one version older left it:
 * the last migration's history row goes, and so do the indexes it created. Recovery then
 * salvages such a file into its own schema (then migrated), the path that reads the file's
 * schema text.
 */
export function undoLastProfileMigration(path: string): string {
  const last = MIGRATIONS.profile.at(-1);
  if (!last) throw new Error('no profile migration');
  const created = last.steps.flatMap((step) => [...step.sql.matchAll(/CREATE (?:UNIQUE )?INDEX IF NOT EXISTS (\w+)/g)].map((m) => m[1] as string));
  const others = last.steps.some((step) => step.sql.replace(/CREATE (?:UNIQUE )?INDEX IF NOT EXISTS \w+ ON [^;]+;?/g, '').trim() !== '');
  if (others) throw new Error(`${last.id} does more than create indexes: undo it another way`);
  const db = new Database(path);
  try {
    db.transaction(() => {
      for (const index of created) db.prepare(`DROP INDEX IF EXISTS "${index}"`).run();
      db.prepare('DELETE FROM schema_migrations WHERE version = ?').run(last.id);
    })();
  } finally {
    db.close();
  }
  return last.id;
}

/**
 * Hostile schema text: statements appended after the stored `CREATE` statement of one object.
 * SQLite itself reads only the first statement of an entry when it loads the schema, so the
 * file opens, checks and reads as before; only code that runs the stored text as a script
 * would run the rest.
 */
export function appendToSchemaText(path: string, name: string, tail: string): void {
  const db = new Database(path);
  try {
    db.unsafeMode(true);
    db.pragma('writable_schema = ON');
    const changed = db.prepare('UPDATE sqlite_master SET sql = sql || ? WHERE name = ?').run(tail, name).changes;
    if (changed !== 1) throw new Error(`no schema entry named ${name}`);
  } finally {
    db.close();
  }
}

/** A tail that, run as a script, creates a database file at `outside` and writes to it. */
export function attachTail(outside: string): string {
  return `; ATTACH DATABASE '${outside.replace(/'/g, "''")}' AS x; CREATE TABLE x.t(a)`;
}

/** A few rows in the reserved `oplog` table, so that its salvage is seen. */
export function addOplogRows(path: string, count: number): void {
  const db = new Database(path);
  try {
    const insert = db.prepare("INSERT INTO oplog (id, ts, op_type, entity, entity_id, payload_json) VALUES (?, ?, 'create', 'run', ?, '{}')");
    db.transaction(() => {
      for (let i = 0; i < count; i++) insert.run(hex('op', i), at(i), hex('run', i));
    })();
  } finally {
    db.close();
  }
}

/** The first page of the freelist, from the header. */
export function freelistTrunk(path: string): number {
  return readFileSync(path).readUInt32BE(32);
}

/**
 * A database left as a killed process leaves it: its last transactions only in the -wal (and
 * the -shm beside it). `write` runs on an open connection whose log is then copied as is.
 */
export function withUncheckpointedWal(path: string, write: (db: Database.Database) => void): void {
  const scratch = `${path}.scratch`;
  copyFileSync(path, scratch);
  const db = new Database(scratch);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    write(db);
    copyFileSync(scratch, path);
    copyFileSync(`${scratch}-wal`, `${path}-wal`);
    copyFileSync(`${scratch}-shm`, `${path}-shm`);
  } finally {
    db.close();
    for (const suffix of ['', '-wal', '-shm']) if (existsSync(`${scratch}${suffix}`)) rmSync(`${scratch}${suffix}`);
  }
}

/** Primary keys of every data table: what the original held, to measure what came back. */
export function keysByTable(path: string, options: { readonly: boolean } = { readonly: true }): Map<string, Set<string>> {
  const db = new Database(path, { readonly: options.readonly });
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations' ORDER BY name")
      .pluck()
      .all() as string[];
    const out = new Map<string, Set<string>>();
    for (const table of tables) {
      const pk = (db.prepare('SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk').pluck().all(table) as string[])[0] ?? 'rowid';
      out.set(table, new Set((db.prepare(`SELECT "${pk}" FROM "${table}"`).pluck().all() as unknown[]).map(String)));
    }
    return out;
  } finally {
    db.close();
  }
}

export function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}
