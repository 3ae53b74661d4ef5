import { parseArgs } from 'node:util';
import { currentHost, resolveDataDir, type HostEnvironment } from '../cli/data-dir';
import { LOOPBACK_ADDRESS, startAppHost, type RunningAppHost } from './app-host';
import { claimDataFolder, type DataFolderClaim } from './folder-claim';
import { stopOnSignals } from './shutdown';

const USAGE = `Usage: npm start [-- --data-dir <path>]

Starts the LePupitre app host on a free port of 127.0.0.1 and prints the URL to open.
The data folder is --data-dir, else LEPUPITRE_DATA_DIR, else the platform's app-data folder.`;

export interface HostStreams {
  out(line: string): void;
  err(line: string): void;
}

const processStreams: HostStreams = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/**
 * Starts the host, unless another one already serves the data folder (`folder-claim.ts`: exit
 * code 1, the first one's address on stderr), and stops it on SIGINT/SIGTERM: the server stops
 * taking requests, open ones finish, then the databases close (checkpointed), so Ctrl+C never
 * cuts a write in half. A second signal exits at once, and so does the stop deadline
 * (`STOP_DEADLINE_MS`) when a command never finishes. Resolves to null once running (the process
 * then lives on the server), or to an exit code when it could not start.
 */
export async function main(argv: readonly string[], streams: HostStreams = processStreams, env: HostEnvironment = currentHost()): Promise<number | null> {
  let dataDirOption: string | undefined;
  try {
    const { values } = parseArgs({ args: [...argv], options: { 'data-dir': { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true });
    if (values.help) {
      streams.out(USAGE);
      return 0;
    }
    dataDirOption = values['data-dir'];
  } catch (error) {
    streams.err(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  let host: RunningAppHost;
  try {
    const dataDir = resolveDataDir(dataDirOption, env);
    host = await startClaimedHost(dataDir, streams);
    streams.out('LePupitre is running. Open this address in your browser (it holds this launch\'s access token):');
    streams.out(`  ${host.url}`);
    streams.out(`Data folder: ${dataDir}`);
    streams.out('Press Ctrl+C to stop.');
  } catch (error) {
    streams.err(`could not start: ${describe(error)}`);
    return 1;
  }
  stopOnSignals(host, streams);
  return null;
}

/**
 * The host, once it holds the data folder and has recorded where it listens. Its `close` lets
 * go of the folder only after the databases are closed, so a next launch never overlaps them.
 */
async function startClaimedHost(dataDir: string, streams: HostStreams): Promise<RunningAppHost> {
  const claim: DataFolderClaim = await claimDataFolder(dataDir, { loopback: LOOPBACK_ADDRESS });
  let host: RunningAppHost;
  try {
    host = await startAppHost({ dataDir, log: (line) => streams.err(line) });
  } catch (error) {
    claim.release();
    throw error;
  }
  const close = (): Promise<void> => host.close().finally(() => claim.release());
  try {
    claim.record(host.port);
  } catch (error) {
    await close();
    throw error;
  }
  return { ...host, close };
}

/** `CODE: message`, as the CLI prints errors; Node's own messages already start with their code. */
function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && !message.startsWith(code) ? `${code}: ${message}` : message;
}
