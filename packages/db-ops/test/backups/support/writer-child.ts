/**
 * A separate process that writes to a profile database the way the app does (db-core handle,
 * one short write transaction per run inserted) until told to stop, timing every transaction.
 * Arguments: <path> <stop file>. Prints `ready` once open, then, when the stop file appears,
 * one JSON line: `{ samples: [[startedAtEpochMs, latencyMs], ...], errors }`.
 */
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { rawConnectionOf } from '@lepupitre/db-core/internals';
import { openGuardedDatabase } from '../../../src';

const [path, stopFile] = process.argv.slice(2) as [string, string];
const { db } = openGuardedDatabase(path, 'profile');
const raw = rawConnectionOf(db);
const insert = raw.prepare('INSERT INTO runs (id, project_id, created_at, audio_artifact_id, transcript_id, feedback_id) VALUES (?, ?, ?, NULL, NULL, NULL)');
const project = (raw.prepare('SELECT id FROM talk_projects ORDER BY id LIMIT 1').pluck().get() as string) ?? 'none';
const samples: [number, number][] = [];
let errors = 0;
let n = 0;
process.stdout.write('ready\n');

const pause = (ms: number): void => void Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

while (!existsSync(stopFile)) {
  const startedAt = Date.now();
  const t0 = performance.now();
  try {
    db.transaction(() => {
      n += 1;
      insert.run(`run_writer_${process.pid}_${n}`, project, new Date().toISOString().replace('Z', '+00:00'));
    });
  } catch {
    errors += 1;
  }
  samples.push([startedAt, performance.now() - t0]);
  pause(2);
}
db.close();
process.stdout.write(`${JSON.stringify({ samples, errors })}\n`);
