import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  defineQuery,
  formatUtcTimestamp,
  openDatabase,
  profileQueryBuilder,
  type DatabaseHandle,
  type QueryParams,
} from '@lepupitre/db-core';

export interface DatasetSize {
  readonly talks: number;
  readonly runs: number;
}

export const DEFAULT_SIZE: DatasetSize = { talks: 200, runs: 20_000 };

export interface Dataset {
  readonly dir: string;
  readonly path: string;
  /** The handle the data was written through; the db-core implementations reuse it. */
  readonly db: DatabaseHandle;
  readonly size: DatasetSize;
  readonly talkIds: readonly string[];
  /** Later than every seeded run, so inserted runs become the newest of their talk. */
  readonly insertTimestamp: string;
  dispose(): void;
}

const insertTalk = defineQuery(
  (p: QueryParams<{ id: string; title: string; stage: string; talkNumber: number; createdAt: string }>) =>
    profileQueryBuilder.insertInto('talk_projects').values({
      id: p.id,
      title: p.title,
      stage: p.stage,
      talk_number: p.talkNumber,
      created_at: p.createdAt,
      updated_at: p.createdAt,
    }),
);

const insertRun = defineQuery((p: QueryParams<{ id: string; projectId: string; createdAt: string }>) =>
  profileQueryBuilder.insertInto('runs').values({ id: p.id, project_id: p.projectId, created_at: p.createdAt }),
);

const STAGES = ['draft', 'outline', 'rehearsal', 'final'] as const;
const SPAN_MS = 365 * 24 * 3600 * 1000;
const START_MS = Date.UTC(2024, 0, 1);

/**
 * One profile database created through `openDatabase`, so the real migrations, indexes and
 * posture apply. The PRNG is seeded so that every run measures the same data; talks get uneven
 * run counts, as real users have a few busy talks and many quiet ones.
 */
export function buildDataset(size: DatasetSize = DEFAULT_SIZE): Dataset {
  const dir = mkdtempSync(join(tmpdir(), 'lepupitre-bench-'));
  const path = join(dir, 'profile.sqlite');
  let db: DatabaseHandle | undefined;
  try {
    db = openDatabase(path, 'profile').db;
    const handle = db;
    const random = mulberry32(0x5eed);
    const talkIds = Array.from({ length: size.talks }, () => uuidFrom(random));
    handle.transaction(() => {
      talkIds.forEach((id, index) => {
        handle.run(insertTalk, {
          id,
          title: `Talk ${index + 1}`,
          stage: STAGES[index % STAGES.length] as string,
          talkNumber: index + 1,
          createdAt: timestamp(random() * SPAN_MS),
        });
      });
      for (let i = 0; i < size.runs; i++) {
        // Squaring skews the distribution towards the first talks.
        const talk = talkIds[Math.floor(random() * random() * talkIds.length)] as string;
        // A coarse time grid (about 30 s) so that some runs of a talk share a timestamp.
        const createdAt = timestamp(Math.floor(random() * 1e6) * (SPAN_MS / 1e6));
        handle.run(insertRun, { id: uuidFrom(random), projectId: talk, createdAt });
      }
    });
    return {
      dir,
      path,
      db: handle,
      size,
      talkIds,
      insertTimestamp: timestamp(SPAN_MS + 1000),
      dispose: () => {
        handle.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    db?.close();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

function timestamp(offsetMs: number): string {
  return formatUtcTimestamp(new Date(START_MS + Math.floor(offsetMs)));
}

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function uuidFrom(random: () => number): string {
  let hex = '';
  for (let i = 0; i < 8; i++) hex += Math.floor(random() * 0x10000).toString(16).padStart(4, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
