import { ensureUserGivenDir } from '@lepupitre/db-core';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCommandHost, type CommandHost } from '../runtime/command-host';
import { createAppServer } from './app-server';
import { loadPage } from './static-page';
import { createLaunchToken } from './token';

/** The only interface the host listens on: nothing off this machine can reach it. */
export const LOOPBACK_ADDRESS = '127.0.0.1';

/** How long open requests may take to finish at shutdown before their connections are cut. */
const CLOSE_GRACE_MS = 5000;

export interface AppHostOptions {
  readonly dataDir: string;
  readonly log?: (line: string) => void;
  readonly maxBodyBytes?: number;
}

export interface RunningAppHost {
  readonly port: number;
  readonly token: string;
  /**
   * What the user opens. The token rides in the fragment: browsers never send a fragment to the
   * server nor put it in a Referer, so it stays out of request lines, logs and other sites.
   */
  readonly url: string;
  readonly server: Server;
  readonly commandHost: CommandHost;
  /** Stops accepting requests, lets open ones finish, then closes every database. */
  close(): Promise<void>;
}

/**
 * Starts the app host: the command host over `dataDir` and the HTTP server on a free loopback
 * port, with a token made for this launch. The data folder is the user's: created owner-only
 * when it does not exist yet, as on a first launch, and never re-permissioned when it does.
 */
export async function startAppHost(options: AppHostOptions): Promise<RunningAppHost> {
  ensureUserGivenDir(options.dataDir);
  const page = loadPage();
  const token = createLaunchToken();
  const commandHost = createCommandHost({ dataDir: options.dataDir, log: options.log });
  const server = createAppServer({ router: commandHost.router, token, page, maxBodyBytes: options.maxBodyBytes, log: options.log });
  try {
    await listen(server);
  } catch (error) {
    await commandHost.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | null = null;
  return {
    port,
    token,
    url: `http://${LOOPBACK_ADDRESS}:${port}/#token=${token}`,
    server,
    commandHost,
    close(): Promise<void> {
      closing ??= closeServer(server).then(() => commandHost.close());
      return closing;
    },
  };
}

function listen(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: LOOPBACK_ADDRESS, port: 0, exclusive: true }, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    const cut = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
    cut.unref();
    // Idle keep-alive connections (an open tab) are closed at once by `close` itself.
    server.close(() => {
      clearTimeout(cut);
      resolve();
    });
  });
}
