import { open } from 'node:fs/promises';
import type { AnyCommand } from '../../../src/commands/command';
import { COMMANDS } from '../../../src/commands/catalogue';
import { startAppHost } from '../../../src/host/app-host';
import { stopOnSignals } from '../../../src/host/shutdown';

/**
 * The app host as `npm start` runs it, with one command made to hang the way pack import once
 * did: `profile_list` opens a FIFO nobody writes to without `O_NONBLOCK`, so a worker thread
 * blocks in open(2) for good and the command never finishes. Such a thread also holds a normal
 * `process.exit`, which waits for worker threads. Arguments: data folder, FIFO, stop deadline
 * in milliseconds.
 */
export async function main(argv: readonly string[]): Promise<number | null> {
  const [dataDir = '', fifo = '', deadlineMs = '500'] = argv;
  const command = COMMANDS.find((c) => c.name === 'profile_list') as { handler: AnyCommand['handler'] };
  command.handler = async () => {
    process.stderr.write('profile_list: opening the FIFO\n');
    await open(fifo, 'r');
    return [];
  };
  const host = await startAppHost({ dataDir, log: (line) => process.stderr.write(`${line}\n`) });
  process.stdout.write(`  ${host.url}\n`);
  stopOnSignals(host, { out: (line) => process.stdout.write(`${line}\n`), err: (line) => process.stderr.write(`${line}\n`) }, { deadlineMs: Number(deadlineMs) });
  return null;
}
