import type { ArtifactOnDisk } from './data-folder-audit';
import type { HostClient } from './host-client';
import type { AcknowledgedWrite, LedgerEntry, WriteLedger } from './write-ledger';

/** The list limit of `run_list`, `quest_attempts_list` and `feedback_timeline_list`. */
const LIST_LIMIT = 100;

interface RunSummary {
  readonly id: string;
  readonly project_id: string;
  readonly audio_artifact_id: string | null;
  readonly transcript_id: string | null;
  readonly feedback_id: string | null;
}

interface AttemptSummary {
  readonly id: string;
  readonly quest_code: string;
  readonly feedback_id: string | null;
}

interface TimelineItem {
  readonly id: string;
  readonly note_updated_at: string | null;
}

/** What one talk holds, as its list commands answer. */
interface TalkReads {
  readonly runs: Map<string, RunSummary>;
  readonly attempts: Map<string, AttemptSummary>;
  readonly timeline: Map<string, TimelineItem>;
}

export interface ReadBackResult {
  /** Acknowledged writes checked. */
  readonly checked: number;
  /** One line per acknowledged write that did not read back: `<command> <ids>: <what was read>`. */
  readonly lost: string[];
}

/**
 * Reads every acknowledged write back through the restarted host, as the app would show it.
 *
 * Every round, each write is checked through the list commands (one call per profile or talk):
 * profiles and talks by name, runs with the audio, transcript and feedback they were given,
 * attempts with their feedback, notes by the feedback's note time; an imported audio or
 * transcript by its row and file in the data folder (`artifacts`: no command reads audio back,
 * and the audit has just compared each file with its sha256). Writes not yet read in full, and
 * every write when `everything` is set, are then read one by one: the transcript's lines, the
 * feedback's score and subject, the note's text. A note may read as a later note of its writer
 * that was sent and cut by a kill (it may have committed), never as an earlier one.
 */
export async function readBack(host: HostClient, ledger: WriteLedger, artifacts: ReadonlyMap<string, ArtifactOnDisk>, everything: boolean): Promise<ReadBackResult> {
  const lost: string[] = [];
  const writes = ledger.entries;
  const profiles = new Map((await host.read<{ id: string; name: string }[]>('profile_list', {})).map((p) => [p.id, p.name]));
  const talksOf = new Map<string, Map<string, string>>();
  const talkReads = new Map<string, TalkReads>();
  for (const { write } of writes) {
    if (write.command === 'profile_create' || talksOf.has(write.profileId)) continue;
    const talks = await host.read<{ id: string; title: string }[]>('project_list', { profileId: write.profileId });
    talksOf.set(write.profileId, new Map(talks.map((t) => [t.id, t.title])));
  }
  for (const { write } of writes) {
    if (write.command !== 'project_create' || !talksOf.get(write.profileId)?.has(write.projectId)) continue;
    const scope = { profileId: write.profileId, projectId: write.projectId, limit: LIST_LIMIT };
    talkReads.set(write.projectId, {
      runs: byId(await host.read<RunSummary[]>('run_list', scope)),
      attempts: byId(await host.read<AttemptSummary[]>('quest_attempts_list', scope)),
      timeline: byId(await host.read<TimelineItem[]>('feedback_timeline_list', scope)),
    });
  }
  const runOf = async (profileId: string, projectId: string, runId: string): Promise<RunSummary | null> => {
    const listed = talkReads.get(projectId)?.runs;
    if (listed?.has(runId)) return listed.get(runId) ?? null;
    // Not listed: a talk at the list limit, or a lost run; run_get tells which.
    if (listed && listed.size < LIST_LIMIT) return null;
    return host.read<RunSummary | null>('run_get', { profileId, runId });
  };

  for (const entry of writes) {
    const failure = await listCheck(entry.write, { profiles, talksOf, talkReads, artifacts, runOf });
    if (failure !== null) lost.push(`${describe(entry)}: ${failure}`);
  }
  for (const entry of writes) {
    if (entry.detailChecked && !everything) continue;
    const failure = await detailCheck(host, ledger, entry);
    if (failure !== null) lost.push(`${describe(entry)}: ${failure}`);
    else entry.detailChecked = true;
  }
  return { checked: writes.length, lost: [...new Set(lost)] };
}

interface ListReads {
  readonly profiles: Map<string, string>;
  readonly talksOf: Map<string, Map<string, string>>;
  readonly talkReads: Map<string, TalkReads>;
  readonly artifacts: ReadonlyMap<string, ArtifactOnDisk>;
  readonly runOf: (profileId: string, projectId: string, runId: string) => Promise<RunSummary | null>;
}

/** Null when the write reads back in the lists; else what was read instead. */
async function listCheck(write: AcknowledgedWrite, reads: ListReads): Promise<string | null> {
  const expect = (actual: unknown, expected: unknown, what: string): string | null =>
    actual === expected ? null : `${what} reads ${JSON.stringify(actual ?? null)}, not ${JSON.stringify(expected)}`;
  const storedArtifact = (artifactId: string, profileId: string): string | null => {
    const stored = reads.artifacts.get(artifactId);
    if (!stored || stored.profileId !== profileId) return 'no artifacts row';
    return stored.intact ? null : 'its file is missing or differs from its row';
  };
  switch (write.command) {
    case 'profile_create':
      return expect(reads.profiles.get(write.profileId), write.name, 'profile name');
    case 'project_create':
      return expect(reads.talksOf.get(write.profileId)?.get(write.projectId), write.title, 'talk title');
    case 'audio_import_wav': {
      const missing = storedArtifact(write.artifactId, write.profileId);
      if (missing !== null) return missing;
      const stored = reads.artifacts.get(write.artifactId);
      return expect(stored?.sha256, write.sha256, 'audio sha256') ?? expect(stored?.bytes, write.bytes, 'audio size');
    }
    case 'transcript_import':
      return storedArtifact(write.transcriptId, write.profileId);
    case 'run_create': {
      const run = await reads.runOf(write.profileId, write.projectId, write.runId);
      return run === null ? 'no such run' : expect(run.project_id, write.projectId, 'run talk');
    }
    case 'run_finish':
      return expect((await reads.runOf(write.profileId, write.projectId, write.runId))?.audio_artifact_id, write.audioArtifactId, 'run audio');
    case 'run_set_transcript':
      return expect((await reads.runOf(write.profileId, write.projectId, write.runId))?.transcript_id, write.transcriptId, 'run transcript');
    case 'run_analyze':
      return expect((await reads.runOf(write.profileId, write.projectId, write.runId))?.feedback_id, write.feedbackId, 'run feedback');
    case 'quest_submit_text':
      return expect(reads.talkReads.get(write.projectId)?.attempts.get(write.attemptId)?.quest_code, write.questCode, 'attempt quest');
    case 'analyze_attempt':
      return expect(reads.talkReads.get(write.projectId)?.attempts.get(write.attemptId)?.feedback_id, write.feedbackId, 'attempt feedback');
    case 'feedback_note_set': {
      const item = reads.talkReads.get(write.projectId)?.timeline.get(write.feedbackId);
      return item?.note_updated_at ? null : `timeline item ${item ? 'without a note' : 'missing'}`;
    }
  }
}

/** Null when the write's content reads back in full (or has nothing more to read); else what was read. */
async function detailCheck(host: HostClient, ledger: WriteLedger, entry: LedgerEntry): Promise<string | null> {
  const write = entry.write;
  const read = async (command: string, payload: Record<string, unknown>): Promise<{ ok: true; data: unknown } | { ok: false; failure: string }> => {
    const outcome = await host.call(command, { profileId: write.profileId, ...payload });
    if (outcome.kind === 'ok') return { ok: true, data: outcome.data };
    if (outcome.kind === 'refused') return { ok: false, failure: `${command} answers ${outcome.code}` };
    throw new Error(`${command} failed on the restarted host: ${outcome.reason}`);
  };
  switch (write.command) {
    case 'transcript_import': {
      const got = await read('transcript_get', { transcriptId: write.transcriptId });
      if (!got.ok) return got.failure;
      const texts = (got.data as { segments: { text: string }[] }).segments.map((s) => s.text);
      return JSON.stringify(texts) === JSON.stringify(write.lines) ? null : `transcript reads ${JSON.stringify(texts)}`;
    }
    case 'run_analyze':
    case 'analyze_attempt': {
      const feedback = await read('feedback_get', { feedbackId: write.feedbackId });
      if (!feedback.ok) return feedback.failure;
      const score = (feedback.data as { overall_score: unknown }).overall_score;
      if (typeof score !== 'number' || score < 0 || score > 100) return `feedback score reads ${JSON.stringify(score)}`;
      const context = await read('feedback_context_get', { feedbackId: write.feedbackId });
      if (!context.ok) return context.failure;
      const subject = (context.data as { subject_id: string }).subject_id;
      const expected = write.command === 'run_analyze' ? write.runId : write.attemptId;
      return subject === expected ? null : `feedback subject reads ${subject}`;
    }
    case 'feedback_note_set': {
      const got = await read('feedback_note_get', { feedbackId: write.feedbackId });
      if (!got.ok) return got.failure;
      return ledger.notesAcceptableAfter(write.feedbackId, write.sequence).includes(got.data as string) ? null : `note reads ${JSON.stringify(got.data)}`;
    }
    default:
      return null;
  }
}

/** `<command> <ids> (round <n>)`: enough to find the write in the data folder and in the round's log. */
function describe({ write, round }: LedgerEntry): string {
  const ids = Object.entries(write)
    .filter(([key]) => key.endsWith('Id'))
    .map(([, value]) => String(value));
  return `${write.command} ${ids.join(' ')} (round ${round})`;
}

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}
