/**
 * One of several processes writing to one profile database at once, for the concurrency
 * drill. Arguments: <database> <projectId> <feedbackIds comma-separated> <seconds> <go file>.
 *
 * It waits for the go file, then for the given time writes runs, quest attempts and feedback
 * notes in turn through the repositories, as the app's command layer would, and prints one
 * JSON line per acknowledged write (`{"kind":"run","id":...}`) and one per failure with its
 * code. The drill then checks that no failure reached this caller and that every
 * acknowledged write is in the database.
 */
import { setFeedbackNote } from '@lepupitre/repo-feedback';
import { submitTextAttempt } from '@lepupitre/repo-quest';
import { createRun } from '@lepupitre/repo-talk';
import { existsSync } from 'node:fs';
import { openGuardedDatabase } from '@lepupitre/db-ops';

const [path, projectId, feedbackList, seconds, goFile] = process.argv.slice(2) as [string, string, string, string, string];
const feedbackIds = feedbackList.split(',');

const deadlineToStart = Date.now() + 30_000;
while (!existsSync(goFile)) {
  if (Date.now() > deadlineToStart) process.exit(3);
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2);
}

const { db } = openGuardedDatabase(path, 'profile');
const out: string[] = [];
const until = Date.now() + Number(seconds) * 1000;
let turn = 0;
while (Date.now() < until) {
  turn += 1;
  try {
    switch (turn % 3) {
      case 0:
        out.push(JSON.stringify({ kind: 'run', id: createRun(db, projectId) }));
        break;
      case 1: {
        const text = `answer ${process.pid}-${turn}`;
        out.push(JSON.stringify({ kind: 'attempt', id: submitTextAttempt(db, { projectId, questCode: 'A01', text }) }));
        break;
      }
      default: {
        const feedbackId = feedbackIds[turn % feedbackIds.length] as string;
        const note = `note ${process.pid}-${turn}`;
        setFeedbackNote(db, feedbackId, note);
        out.push(JSON.stringify({ kind: 'note', id: feedbackId, note }));
      }
    }
  } catch (error) {
    const { code, message } = error as { code?: string; message?: string };
    out.push(JSON.stringify({ kind: 'error', code, message }));
  }
}
db.close();
process.stdout.write(out.join('\n') + '\n');
