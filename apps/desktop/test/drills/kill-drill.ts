import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { LaunchedHost } from '../host/launched-host';
import { auditDataFolder, FileHashes, type DataFolderAudit } from './data-folder-audit';
import { HostClient } from './host-client';
import { readBack } from './read-back';
import { SeededRandom } from './seeded-random';
import { runWriteClient, type TrafficTarget } from './write-traffic';
import { WriteLedger } from './write-ledger';

export interface KillDrillOptions {
  /** An empty temporary folder: the data folder and the host's HOME go in it. */
  readonly root: string;
  readonly seed: number;
  readonly kills: number;
  /** Concurrent HTTP clients writing during each round (2 to 4). */
  readonly clients: number;
  /** Profiles the clients share out (1 or 2). */
  readonly profiles: number;
  /** The kill comes a random number of milliseconds in this range after the round's traffic starts. */
  readonly killAfterMs: readonly [number, number];
  /**
   * And not before the round has this many acknowledged writes (default 0), waited for until the
   * deadline: on a loaded machine the host restarts and answers slowly, and a kill on time alone
   * would then cut every round before the clients reach the end of their flow.
   */
  readonly minAcknowledgedPerRound?: number;
  /** No new round starts after this long; the report then has fewer kills than planned. */
  readonly deadlineMs: number;
  /** Told one line per round. */
  readonly progress?: (line: string) => void;
}

export interface KillDrillReport {
  readonly seed: number;
  readonly plannedKills: number;
  readonly kills: number;
  readonly clients: number;
  readonly profiles: number;
  /** Writes the host answered `{ ok: true }`, in all. */
  readonly acknowledged: number;
  readonly acknowledgedByCommand: Readonly<Record<string, number>>;
  /** Writes sent and never answered because a kill came first (they may or may not have committed). */
  readonly cutByKills: number;
  /** Acknowledged writes that did not read back: must be none. */
  readonly lost: string[];
  /** Files under `artifacts/` no row names, `.<hex>.tmp` files, rows without their file or with another one. */
  readonly stray: string[];
  readonly temporary: string[];
  readonly missing: string[];
  readonly damaged: string[];
  /** Files the open-time sweep set aside under `orphaned/` (allowed: never acknowledged to anyone). */
  readonly orphaned: number;
  readonly integrityFailures: string[];
  readonly foreignKeyFailures: string[];
  /** A client refused or left unanswered while the host was alive, a host that would not start. */
  readonly unexpected: string[];
  /** Host log lines: a database recovered at open (never expected after a kill) and artifact sweeps. */
  readonly recoveries: string[];
  readonly sweeps: string[];
  /** Database checks run (integrity and foreign keys), over all rounds. */
  readonly databaseChecks: number;
  /** The round whose checks failed (the drill stops there), or null. */
  readonly failedRound: number | null;
  readonly durationMs: number;
}

const HOST_LOG_RECOVERED = /^recovered .*$/gm;
const HOST_LOG_SWEEP = /^artifacts of .*$/gm;

/**
 * The kill drill: the real app host, started as `npm start` starts it, written to by several
 * HTTP clients at once, killed with SIGKILL at a random instant, restarted on the same data
 * folder, again and again. After each restart, before the next round, every write the host ever
 * acknowledged must read back through it, SQLite's integrity and foreign-key checks must pass on
 * every database, and the data folder must hold no file that no row names and no temporary file.
 *
 * A crash can come between any two instructions of a write: between the temporary file and its
 * rename, between the rename and the commit, in the middle of a WAL append. What the drill proves
 * is that none of these leaves a trace the next start does not clean, and none loses what was
 * acknowledged. It stops at the first round whose checks fail.
 */
export class KillDrill {
  private host: LaunchedHost | null = null;
  private readonly dataDir: string;
  private readonly ledger = new WriteLedger();
  private readonly hashes = new FileHashes();
  private readonly random: SeededRandom;
  private readonly unexpected: string[] = [];
  private readonly recoveries: string[] = [];
  private readonly sweeps: string[] = [];
  private databaseChecks = 0;
  /** How much of the current host's log has been read. */
  private logRead = 0;

  constructor(private readonly options: KillDrillOptions) {
    this.dataDir = path.join(options.root, 'data');
    this.random = new SeededRandom(options.seed);
  }

  async run(): Promise<KillDrillReport> {
    const { seed, kills: plannedKills, clients, profiles, killAfterMs, deadlineMs, progress } = this.options;
    const minAcknowledged = this.options.minAcknowledgedPerRound ?? 0;
    const started = Date.now();
    let kills = 0;
    let failedRound: number | null = null;
    let last: { audit: DataFolderAudit; lost: string[] } | null = null;
    let round = 0;
    try {
      let host = await this.launch();
      const targets = await this.setUp(host, profiles);
      for (round = 1; round <= plannedKills && Date.now() - started < deadlineMs; round++) {
        const killAfter = this.random.int(killAfterMs[0], killAfterMs[1]);
        const forks = Array.from({ length: clients }, () => this.random.fork());
        const cutBefore = this.ledger.cutByKills;
        const acknowledgedBefore = this.ledger.entries.length;
        const traffic = forks.map((random, client) =>
          runWriteClient({ client, round, host, random, ledger: this.ledger, target: targets[client % targets.length] as TrafficTarget }),
        );
        await sleep(killAfter);
        while (this.ledger.entries.length - acknowledgedBefore < minAcknowledged && Date.now() - started < deadlineMs) await sleep(25);
        const killSentAt = Date.now();
        await this.kill();
        kills++;
        for (const { stop } of await Promise.all(traffic)) {
          if (stop.kind !== 'unanswered' || stop.at < killSentAt) this.unexpected.push(`round ${round}, client ${stop.client}, ${stop.command}: ${stop.kind}: ${stop.detail}`);
        }
        host = await this.launch();
        last = await this.check(host, targets, false);
        progress?.(
          `round ${round}/${plannedKills}: killed after ${killAfter} ms, ${this.ledger.cutByKills - cutBefore} writes cut, ` +
            `${this.ledger.entries.length} acknowledged so far, ${last.lost.length} lost, ${last.audit.stray.length} stray, ${last.audit.temporary.length} temporary`,
        );
        if (failures(last, this.unexpected, this.recoveries) > 0) {
          failedRound = round;
          break;
        }
      }
      if (failedRound === null) {
        // Every acknowledged write read in full once more, on the last restart.
        last = await this.check(host, targets, true);
        if (failures(last, this.unexpected, this.recoveries) > 0) failedRound = kills;
        await this.stop();
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(`kill drill (seed ${seed}) stopped in round ${round}: ${message}`, { cause: error });
    } finally {
      await this.dispose();
    }
    const audit = last?.audit;
    return {
      seed,
      plannedKills,
      kills,
      clients,
      profiles,
      acknowledged: this.ledger.entries.length,
      acknowledgedByCommand: this.ledger.countByCommand(),
      cutByKills: this.ledger.cutByKills,
      lost: last?.lost ?? [],
      stray: audit?.stray ?? [],
      temporary: audit?.temporary ?? [],
      missing: audit?.missing ?? [],
      damaged: audit?.damaged ?? [],
      orphaned: audit?.orphaned.length ?? 0,
      integrityFailures: audit?.integrityFailures ?? [],
      foreignKeyFailures: audit?.foreignKeyFailures ?? [],
      unexpected: this.unexpected,
      recoveries: this.recoveries,
      sweeps: this.sweeps,
      databaseChecks: this.databaseChecks,
      failedRound,
      durationMs: Date.now() - started,
    };
  }

  /** Kills the host if one still runs: for `afterAll`, whatever happened before. */
  async dispose(): Promise<void> {
    await this.kill();
  }

  /** Starts the launcher on the data folder and waits for the address it prints. */
  private async launch(): Promise<HostClient> {
    const host = LaunchedHost.start(this.dataDir, this.options.root);
    this.host = host;
    this.logRead = 0;
    const { port, token } = await host.url();
    return new HostClient(port, token);
  }

  private async kill(): Promise<void> {
    const host = this.host;
    if (host === null) return;
    this.host = null;
    await host.kill();
    this.collectLog(host);
  }

  /** SIGTERM: the clean stop of Ctrl+C, at the end of a drill that passed. */
  private async stop(): Promise<void> {
    const host = this.host;
    if (host === null) return;
    this.host = null;
    const code = await host.stop();
    this.collectLog(host);
    if (code !== 0) this.unexpected.push(`the host exited with ${String(code)} on SIGTERM`);
  }

  /** Takes the recoveries and sweeps the host logged since the last look, whole lines only. */
  private collectLog(host: LaunchedHost): void {
    const end = host.exited ? host.log.length : host.log.lastIndexOf('\n') + 1;
    const fresh = host.log.slice(this.logRead, Math.max(end, this.logRead));
    this.logRead = Math.max(end, this.logRead);
    this.recoveries.push(...(fresh.match(HOST_LOG_RECOVERED) ?? []));
    this.sweeps.push(...(fresh.match(HOST_LOG_SWEEP) ?? []));
  }

  /** The profiles the clients write to, made through the host, and a quest their attempts answer. */
  private async setUp(host: HostClient, profiles: number): Promise<TrafficTarget[]> {
    mkdirSync(this.options.root, { recursive: true });
    const ids: string[] = [];
    for (let p = 1; p <= profiles; p++) {
      const name = `Drill profile ${p}`;
      const profileId = await host.read<string>('profile_create', { name });
      this.ledger.acknowledge({ command: 'profile_create', profileId, name }, 0);
      ids.push(profileId);
    }
    const quests = await host.read<{ code: string; output_type: string }[]>('quest_list', { profileId: ids[0] });
    const quest = quests.find((q) => q.output_type === 'text') ?? quests[0];
    if (!quest) throw new Error('quest_list answered no quest');
    return ids.map((profileId) => ({ profileId, questCode: quest.code }));
  }

  /**
   * After a restart: a command on every profile first (the host opens a profile's database, and
   * tidies its folder, at the first command for it), then the data folder audit, then the
   * acknowledged writes read back.
   */
  private async check(host: HostClient, targets: readonly TrafficTarget[], everything: boolean): Promise<{ audit: DataFolderAudit; lost: string[] }> {
    for (const { profileId } of targets) await host.read('project_list', { profileId });
    if (this.host) this.collectLog(this.host);
    const audit = auditDataFolder(this.dataDir, this.hashes);
    this.databaseChecks += audit.databases;
    const { lost } = await readBack(host, this.ledger, audit.artifacts, everything);
    return { audit, lost };
  }
}

function failures(last: { audit: DataFolderAudit; lost: string[] }, unexpected: readonly string[], recoveries: readonly string[]): number {
  const { audit, lost } = last;
  return (
    lost.length +
    audit.stray.length +
    audit.temporary.length +
    audit.missing.length +
    audit.damaged.length +
    audit.integrityFailures.length +
    audit.foreignKeyFailures.length +
    unexpected.length +
    recoveries.length
  );
}

/**
 * What is wrong in a report, one line per kind of failure with its count and a few examples; an
 * empty list when the drill passed. Tests assert it is empty, so a failure names its counts.
 */
export function killDrillProblems(report: KillDrillReport): string[] {
  const problems: string[] = [];
  const some = (items: readonly string[]): string => `${items.slice(0, 5).join('; ')}${items.length > 5 ? '; …' : ''}`;
  const add = (items: readonly string[], what: string): void => {
    if (items.length > 0) problems.push(`${items.length} ${what}: ${some(items)}`);
  };
  if (report.failedRound === null && report.kills < report.plannedKills) {
    problems.push(`${report.kills} kills of the ${report.plannedKills} planned before the deadline`);
  }
  add(report.lost, 'acknowledged writes lost');
  add(report.stray, 'stray files under artifacts/ that no row names');
  add(report.temporary, 'temporary files (.<hex>.tmp) left');
  add(report.missing, 'artifact rows whose file is missing');
  add(report.damaged, 'artifact files that differ from their row');
  add(report.integrityFailures, 'integrity_check failures');
  add(report.foreignKeyFailures, 'foreign_key_check failures');
  add(report.unexpected, 'unexpected answers');
  add(report.recoveries, 'databases recovered at open after a kill');
  if (report.failedRound !== null && problems.length === 0) problems.push(`round ${report.failedRound} failed`);
  return problems;
}

/** The printed report. */
export function formatKillDrillReport(report: KillDrillReport): string {
  const byCommand = Object.entries(report.acknowledgedByCommand)
    .map(([command, count]) => `${command} ${count}`)
    .join(', ');
  const rows: [string, string][] = [
    ['kills', `${report.kills} of ${report.plannedKills} (SIGKILL, ${report.clients} clients on ${report.profiles} profiles)`],
    ['acknowledged writes', `${report.acknowledged} (${byCommand})`],
    ['lost', String(report.lost.length)],
    ['cut by a kill', `${report.cutByKills} (sent, never answered)`],
    ['stray files', String(report.stray.length)],
    ['temporary files', String(report.temporary.length)],
    ['orphaned files', `${report.orphaned} (set aside under orphaned/ by the open-time sweep)`],
    ['missing or damaged files', String(report.missing.length + report.damaged.length)],
    ['integrity failures', `${report.integrityFailures.length} (of ${report.databaseChecks} database checks)`],
    ['foreign-key failures', String(report.foreignKeyFailures.length)],
    ['unexpected answers', String(report.unexpected.length)],
    ['recoveries at open', String(report.recoveries.length)],
    ['artifact sweeps logged', String(report.sweeps.length)],
    ['duration', `${(report.durationMs / 1000).toFixed(1)} s`],
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  return [
    `kill drill, seed ${report.seed}${report.failedRound === null ? '' : ` — FAILED in round ${report.failedRound}`}`,
    ...rows.map(([name, value]) => `  ${name.padEnd(width)}  ${value}`),
    `  replay with KILL_DRILL_SEED=${report.seed}`,
  ].join('\n');
}
