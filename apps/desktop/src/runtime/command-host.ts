import { COMMANDS } from '../commands/catalogue';
import { createRouter, type Router } from '../ipc/router';
import { version } from '../../package.json';
import { describeArtifactSweep } from './artifact-sweep-text';
import { HostConnections } from './host-connections';

export interface CommandHost {
  readonly router: Router;
  readonly connections: HostConnections;
  /** Refuses new commands, lets the pending ones finish, then closes every database. */
  close(): Promise<void>;
}

export interface CommandHostOptions {
  readonly dataDir: string;
  /** Where unexpected failures are logged (never shown to the caller). */
  readonly log?: (line: string) => void;
}

/**
 * The router over the whole catalogue with its long-lived connections: what the app host and
 * the operator CLI's `ipc` entry both run. Corruption met by a command drops the connections so
 * the next command's open recovers the file.
 */
export function createCommandHost(options: CommandHostOptions): CommandHost {
  const log = options.log ?? (() => undefined);
  const connections = new HostConnections({
    dataDir: options.dataDir,
    appVersion: version,
    onRecovery: (label, report) => log(`recovered ${label}: ${report.outcome}`),
    onArtifactSweep: (label, sweep) => log(`artifacts of ${label}: ${describeArtifactSweep(sweep)}`),
  });
  const router = createRouter(COMMANDS, connections, {
    onCommandError: (_name, error) => connections.noteFailure(error),
    onInternalError: (name, error) => {
      connections.noteFailure(error);
      log(`${name}: unexpected failure: ${error instanceof Error ? error.name : typeof error}`);
    },
  });
  return {
    router,
    connections,
    async close(): Promise<void> {
      await router.close();
      connections.close();
    },
  };
}
