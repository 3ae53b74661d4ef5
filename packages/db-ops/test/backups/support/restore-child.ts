/**
 * A separate process that restores one profile backup and SIGKILLs itself at the n-th step the
 * restore reports (every step and every file moved or placed): no finally block, no undo, like
 * a power cut of the process. Arguments: <database path> <backup file> <n>. With n = 0 it
 * runs to the end and prints the number of steps it saw.
 */
import { restoreBackup } from '../../../src';

const [path, backup, killAt] = process.argv.slice(2) as [string, string, string];
const target = Number(killAt);
let seen = 0;
const { db } = restoreBackup(path, 'profile', backup, {
  onStep: () => {
    seen += 1;
    if (seen === target) process.kill(process.pid, 'SIGKILL');
  },
});
db.close();
process.stdout.write(`${seen}\n`);
