/**
 * A separate process that opens (and so migrates) one database, for the crash and concurrency
 * drills. Arguments: <path> <scope> [kill point] [go file].
 *
 * The kill point names a hook and a place: `beforeMigration:<id>`, `afterStep:<id>:<index>`,
 * `beforeCommit:<id>`, `afterMigration:<id>`. When the run reaches it the process SIGKILLs
 * itself: no finally block, no exit handler, no checkpoint, exactly like a power cut of the
 * process. With a go file the process waits for that file before opening, so several
 * processes can be released at the same moment. On success it prints its open report as JSON.
 */
import { existsSync } from 'node:fs';
import { type DatabaseScope, type MigrationHooks } from '@lepupitre/db-core';
import { openGuardedDatabase } from '../../src';

const [path, scope, killPoint = 'none', goFile] = process.argv.slice(2) as [string, DatabaseScope, string?, string?];

function die(point: string): void {
  if (point === killPoint) process.kill(process.pid, 'SIGKILL');
}

const hooks: MigrationHooks = {
  beforeMigration: (id) => die(`beforeMigration:${id}`),
  afterStep: (id, index) => die(`afterStep:${id}:${index}`),
  beforeCommit: (id) => die(`beforeCommit:${id}`),
  afterMigration: (id) => die(`afterMigration:${id}`),
};

if (goFile) {
  process.stdout.write('ready\n');
  const deadline = Date.now() + 20_000;
  while (!existsSync(goFile)) {
    if (Date.now() > deadline) process.exit(3);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
  }
}

try {
  const startedAt = Date.now();
  const { db, report } = openGuardedDatabase(path, scope, { hooks });
  const finishedAt = Date.now();
  db.close();
  process.stdout.write(JSON.stringify({ ok: true, report, startedAt, finishedAt }) + '\n');
} catch (error) {
  const { code, message } = error as { code?: string; message: string };
  process.stdout.write(JSON.stringify({ ok: false, code, message }) + '\n');
  process.exit(1);
}
