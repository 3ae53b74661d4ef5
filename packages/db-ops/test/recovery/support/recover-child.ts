/**
 * A separate process that recovers one damaged profile database and SIGKILLs itself when the
 * recovery reaches the named step (`quarantine`: before anything moves; `place`: the originals
 * are aside, the rebuilt file not yet in place; `report`: placed, report not written). Like a
 * power cut: no undo, no finally. Arguments: <database path> <step>.
 */
import { recoverDatabase, type RecoveryStep } from '../../../src';

const [path, killAt] = process.argv.slice(2) as [string, RecoveryStep];
recoverDatabase(path, 'profile', {
  hooks: {
    beforeStep: (step) => {
      if (step === killAt) process.kill(process.pid, 'SIGKILL');
    },
  },
});
process.stdout.write('finished\n');
