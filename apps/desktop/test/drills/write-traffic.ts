import { createHash } from 'node:crypto';
import { samplesIn, wavBytes } from '../support/wav-bytes';
import type { HostClient } from './host-client';
import type { SeededRandom } from './seeded-random';
import type { AcknowledgedWrite, WriteLedger } from './write-ledger';

/** Where a client writes: one profile, and the quest its text attempts answer. */
export interface TrafficTarget {
  readonly profileId: string;
  readonly questCode: string;
}

export interface WriteClientOptions {
  readonly client: number;
  readonly round: number;
  readonly host: HostClient;
  readonly target: TrafficTarget;
  readonly random: SeededRandom;
  readonly ledger: WriteLedger;
}

/** Why a client stopped: the first write of its that was not acknowledged. */
export interface ClientStop {
  readonly client: number;
  readonly command: string;
  /**
   * `unanswered` is what a kill does to every client; `refused` (a failure answer) and
   * `odd-result` (an acknowledgement whose result is not what was written) never should happen.
   */
  readonly kind: 'unanswered' | 'refused' | 'odd-result';
  readonly detail: string;
  /** When the client saw it (`Date.now()`): an unanswered call before the kill was sent is a failure too. */
  readonly at: number;
}

export interface WriteClientResult {
  /** Recording flows completed. */
  readonly flows: number;
  readonly stop: ClientStop;
}

/**
 * Runs per talk before a client starts a new one: keeps every talk's runs and attempts under the
 * list limit (100), so that one list call reads back all of a talk's writes.
 */
const FLOWS_PER_TALK = 20;

const WORDS = ['so', 'the', 'cache', 'sits', 'in', 'front', 'of', 'sqlite', 'and', 'um', 'every', 'write', 'goes', 'through', 'one', 'transaction', 'like', 'basically'];

/**
 * One client of the drill: the page's recording flow as fast as the host answers, on its own
 * talks (`audio_import_wav` → `run_create` → `run_finish` → `transcript_import` →
 * `run_set_transcript` → `run_analyze`), then sometimes a note on the feedback (sometimes
 * overwritten) and a text quest attempt with its analysis. Every acknowledged write goes to the
 * ledger. It stops at the first call without an acknowledgement: after a kill every call fails,
 * and a refusal while the host lives is a failure of its own, reported as unexpected.
 *
 * Each client writes only its own talks, runs and notes: the value a note must read back is
 * then fixed by this client's order of writes, whatever the other clients do.
 */
export async function runWriteClient(options: WriteClientOptions): Promise<WriteClientResult> {
  const { client, round, host, random, ledger } = options;
  const { profileId, questCode } = options.target;
  let flows = 0;

  /** Sends one write and ledgers its acknowledgement (`record`); anything else ends the client. */
  async function write<T>(command: string, payload: Record<string, unknown>, record: (data: T) => AcknowledgedWrite | null): Promise<T> {
    const outcome = await host.call(command, { profileId, ...payload });
    if (outcome.kind === 'unanswered') {
      ledger.noteCut();
      throw new Stopped({ client, command, kind: 'unanswered', detail: outcome.reason, at: Date.now() });
    }
    if (outcome.kind === 'refused') {
      throw new Stopped({ client, command, kind: 'refused', detail: `${outcome.status} ${outcome.code}: ${outcome.message}`, at: Date.now() });
    }
    const data = outcome.data as T;
    const acknowledged = record(data);
    if (acknowledged === null) throw new Stopped({ client, command, kind: 'odd-result', detail: JSON.stringify(data).slice(0, 200), at: Date.now() });
    ledger.acknowledge(acknowledged, round);
    return data;
  }

  async function recordingFlow(projectId: string): Promise<void> {
    const wav = wavBytes({ samples: samplesIn(random.int(150, 1200)), sample: rampFrom(random) });
    const sha256 = createHash('sha256').update(wav).digest('hex');
    const audio = await write<{ artifactId: string; sha256: string; bytes: number }>('audio_import_wav', { wavBase64: wav.toString('base64') }, (data) =>
      data.sha256 === sha256 && data.bytes === wav.length ? { command: 'audio_import_wav', profileId, artifactId: data.artifactId, sha256, bytes: wav.length } : null,
    );
    const audioArtifactId = audio.artifactId;
    const runId = await write<string>('run_create', { projectId }, (id) => ({ command: 'run_create', profileId, projectId, runId: id }));
    await write<null>('run_finish', { runId, audioArtifactId }, () => ({ command: 'run_finish', profileId, projectId, runId, audioArtifactId }));
    const lines = sentences(random, `r${round}c${client}f${flows}`);
    const { transcriptId } = await write<{ transcriptId: string }>(
      'transcript_import',
      { audioArtifactId, format: 'text', content: lines.join('\n') },
      (data) => ({ command: 'transcript_import', profileId, transcriptId: data.transcriptId, lines }),
    );
    await write<null>('run_set_transcript', { runId, transcriptId }, () => ({ command: 'run_set_transcript', profileId, projectId, runId, transcriptId }));
    const { feedbackId } = await write<{ feedbackId: string }>('run_analyze', { runId }, (data) => ({
      command: 'run_analyze',
      profileId,
      projectId,
      runId,
      feedbackId: data.feedbackId,
    }));

    const notes = random.chance(0.6) ? (random.chance(0.3) ? 2 : 1) : 0;
    for (let n = 0; n < notes; n++) {
      const note = `note ${n + 1} of r${round}c${client}f${flows}: ${sentences(random, 'n').join(' ')}`;
      const sequence = ledger.sendNote(feedbackId, note);
      await write<null>('feedback_note_set', { feedbackId, note }, () => ({ command: 'feedback_note_set', profileId, projectId, feedbackId, note, sequence }));
    }

    if (random.chance(0.35)) {
      const text = sentences(random, `q${round}c${client}f${flows}`).join(' ');
      const attemptId = await write<string>('quest_submit_text', { projectId, questCode, text }, (id) => ({
        command: 'quest_submit_text',
        profileId,
        projectId,
        attemptId: id,
        questCode,
      }));
      if (random.chance(0.7)) {
        await write<{ feedbackId: string }>('analyze_attempt', { attemptId }, (data) => ({
          command: 'analyze_attempt',
          profileId,
          projectId,
          attemptId,
          feedbackId: data.feedbackId,
        }));
      }
    }
  }

  try {
    for (;;) {
      const title = `Drill talk r${round} c${client} #${flows}`;
      const projectId = await write<string>('project_create', { payload: { title } }, (id) => ({ command: 'project_create', profileId, projectId: id, title }));
      for (let inTalk = 0; inTalk < FLOWS_PER_TALK; inTalk++) {
        await recordingFlow(projectId);
        flows++;
      }
    }
  } catch (error) {
    if (error instanceof Stopped) return { flows, stop: error.stop };
    throw error;
  }
}

/** Thrown by a client's write that was not acknowledged: it ends that client's round. */
class Stopped extends Error {
  constructor(readonly stop: ClientStop) {
    super(`${stop.command}: ${stop.kind}`);
  }
}

/** A ramp from a random start and slope: each take's bytes (and sha256) are its own. */
function rampFrom(random: SeededRandom): (i: number) => number {
  const start = random.int(0, 29_999);
  const slope = random.int(1, 7);
  return (i) => (start + i * slope) % 30_000;
}

/** One to three lines of a few words, the first tagged so that a transcript is recognisable. */
function sentences(random: SeededRandom, tag: string): string[] {
  const count = random.int(1, 3);
  return Array.from({ length: count }, (_, line) => {
    const words = Array.from({ length: random.int(3, 9) }, () => WORDS[random.int(0, WORDS.length - 1)] as string);
    return `${line === 0 ? `${tag} ` : ''}${words.join(' ')}.`;
  });
}
