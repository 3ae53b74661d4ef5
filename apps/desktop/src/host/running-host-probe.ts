import { request } from 'node:http';
import { HEALTH_PATH, isHealthAnswerOf } from './health';
import type { HostRecord } from './host-record';

/** How long a recorded host has to answer its health check; a live one answers in milliseconds. */
const HEALTH_TIMEOUT_MS = 1000;

/**
 * Whether the host a record names is really there: its process is alive, and its port answers
 * `GET /health` as this app, for that very process. A pid reused by another program, or a port
 * another program (or a later launch on another folder) got, is not the recorded host.
 */
export async function recordedHostAnswers(record: HostRecord, loopback: string): Promise<boolean> {
  return processAlive(record.pid) && isHealthAnswerOf(await getHealth(loopback, record.port), record.pid);
}

/** Signal 0 checks without signalling; EPERM means a process of another user holds the pid. */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The parsed answer of `GET /health` on the port, or undefined for anything else. */
function getHealth(host: string, port: number): Promise<unknown> {
  return new Promise((resolve) => {
    const call = request({ host, port, path: HEALTH_PATH, method: 'GET', headers: { Host: `${host}:${port}`, Connection: 'close' }, timeout: HEALTH_TIMEOUT_MS }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        text += chunk;
        if (text.length > 4096) response.destroy();
      });
      response.on('end', () => resolve(response.statusCode === 200 ? parse(text) : undefined));
      // After `end` these change nothing: a promise settles once.
      response.on('error', () => resolve(undefined));
      response.on('close', () => resolve(undefined));
    });
    call.on('timeout', () => call.destroy());
    call.on('error', () => resolve(undefined));
    call.on('close', () => resolve(undefined));
    call.end();
  });
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
