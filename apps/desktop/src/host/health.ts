/** Where the host says it is a LePupitre host, without the token. */
export const HEALTH_PATH = '/health';

/** What `GET /health` answers: which program this is, and which process. */
export interface HealthAnswer {
  readonly app: typeof HEALTH_APP;
  readonly pid: number;
}

const HEALTH_APP = 'lepupitre-host';

/**
 * Lets a second `npm start` on the same data folder check that the port its record names is
 * still this app, and the very process the record names (not a later program that got the
 * port or the pid). It needs no token, so it tells nothing a local account cannot already see
 * (`ps` lists pids): no data, no data folder, no version, no token. Browsers from other sites
 * cannot read it either: the Host and Origin checks run first and no CORS header is sent.
 */
export function healthAnswer(): HealthAnswer {
  return { app: HEALTH_APP, pid: process.pid };
}

export function isHealthAnswerOf(value: unknown, pid: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const answer = value as Partial<Record<keyof HealthAnswer, unknown>>;
  return answer.app === HEALTH_APP && answer.pid === pid;
}
