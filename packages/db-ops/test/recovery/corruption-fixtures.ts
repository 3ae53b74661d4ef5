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
import { type DatabaseScope } from '@lepupitre/db-core';
import { seededRandom, seedGlobal, seedProfile } from '@lepupitre/fixtures';
import { openGuardedDatabase } from '../../src';

/**
 * Damaged databases, built at test time from a realistic profile database: every kind of
 * damage the recovery must handle, each applied to a closed file at a page found through
 * `dbstat` (so the damage lands where the fixture says, whatever the page layout).
 */

const hex = (prefix: string, n: number): string => `${prefix}_${n.toString(16).padStart(32, '0')}`;
const at = (n: number): string => new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString().replace('.000Z', '+00:00');

/** A seeded generator: the same damage on every run. */
export const seeded = seededRandom;

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

/**
 * Adds a batch of rows (talks with their runs, attempts, feedback, notes, reviews) with the
 * seeding kit. Ids, timestamps and digests are given, not the kit's defaults: the damage
 * lands on pages found in this exact file, so the batch stays the same bytes (the kit's
 * default artifact paths are the ones it always had).
 */
export function addProfileRows(path: string, sizes: ProfileSizes): void {
  const base = sizes.offset ?? 0;
  const metadata = JSON.stringify({ pad: 'm'.repeat(sizes.metadataBytes) });
  let n = base * 10_000;
  seedProfile(path, (kit) => {
    /** The k-th artifact of row n; the kit's default path is `artifacts/<type>/<id>.<wav|json>`. */
    const artifact = (k: number, type: string): string =>
      kit.newArtifact({ id: hex('art', n * 4 + k), type, sha256: hex('sha', n * 4 + k), bytes: 2048, created_at: at(n), metadata_json: metadata }).id;
    for (let t = base; t < base + sizes.talks; t++) {
      const projectId = hex('proj', t);
      kit.newTalk({ id: projectId, title: `Talk ${t}`, audience: 'devs', goal: 'teach', duration_target_sec: 1200, talk_number: t + 1, stage: 'train', created_at: at(t) });
      kit.newOutline({ project_id: projectId, outline_md: `# Talk ${t}\n\n${'## Part\n'.repeat(20)}`, created_at: at(t) });
      kit.newSetting({ key: `lepupitre.setting.${t}`, value_json: JSON.stringify({ value: t }) });
      for (let r = 0; r < sizes.runsPerTalk; r++) {
        n += 1;
        const audio = artifact(0, 'audio');
        const transcript = artifact(1, 'transcript');
        const fbJson = artifact(2, 'feedback');
        const runId = hex('run', n);
        const fbId = hex('fb', n);
        kit.newFeedback({ id: fbId, subject_id: runId, created_at: at(n), feedback_json_artifact_id: fbJson, overall_score: 40 + (n % 60) });
        if (n % 3 === 0) kit.newFeedbackNote({ feedback_id: fbId, note_text: `note ${n}`, updated_at: at(n) });
        kit.newRun({ id: runId, project_id: projectId, created_at: at(n), audio_artifact_id: audio, transcript_id: transcript, feedback_id: fbId });
        if (n % 10 === 0) {
          const reviewJson = artifact(3, 'peer_review');
          kit.newPeerReview({ id: hex('peer', n), run_id: runId, created_at: at(n), reviewer_tag: 'reviewer', review_json_artifact_id: reviewJson });
        }
      }
      for (let a = 0; a < sizes.attemptsPerTalk; a++) {
        n += 1;
        const fbJson = artifact(2, 'feedback');
        const attemptId = hex('att', n);
        const fbId = hex('fb', n);
        kit.newFeedback({ id: fbId, subject_type: 'quest_attempt', subject_id: attemptId, created_at: at(n), feedback_json_artifact_id: fbJson, overall_score: 50 });
        kit.newQuestAttempt({ id: attemptId, project_id: projectId, quest_code: a % 2 ? 'A01' : 'D01', created_at: at(n), output_text: `answer ${n}`, feedback_id: fbId });
      }
    }
  });
}

/** A migrated global database with profiles and settings. */
export function buildGlobal(path: string, profiles = 40): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  openGuardedDatabase(path, 'global').db.close();
  seedGlobal(path, (kit) => {
    for (let i = 0; i < profiles; i++) kit.newProfile({ id: hex('prof', i), name: `Profile ${i}`, created_at: at(i), last_opened_at: at(i), is_active: i === 0 ? 1 : 0 });
    for (let i = 0; i < 10; i++) kit.newSetting({ key: `lepupitre_setting_${i}`, value_json: JSON.stringify({ i }) });
  });
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
