/**
 * What the host acknowledged, as the drill's clients saw it: every write answered `{ ok: true }`
 * is a promise the app made to its user, and must read back after any crash that followed it.
 * Writes that were sent but never answered (cut by a kill) promise nothing: they may or may not
 * have committed, and are only counted.
 */

export type AcknowledgedWrite =
  | { readonly command: 'profile_create'; readonly profileId: string; readonly name: string }
  | { readonly command: 'project_create'; readonly profileId: string; readonly projectId: string; readonly title: string }
  | { readonly command: 'audio_import_wav'; readonly profileId: string; readonly artifactId: string; readonly sha256: string; readonly bytes: number }
  | { readonly command: 'run_create'; readonly profileId: string; readonly projectId: string; readonly runId: string }
  | { readonly command: 'run_finish'; readonly profileId: string; readonly projectId: string; readonly runId: string; readonly audioArtifactId: string }
  | { readonly command: 'transcript_import'; readonly profileId: string; readonly transcriptId: string; readonly lines: readonly string[] }
  | { readonly command: 'run_set_transcript'; readonly profileId: string; readonly projectId: string; readonly runId: string; readonly transcriptId: string }
  | { readonly command: 'run_analyze'; readonly profileId: string; readonly projectId: string; readonly runId: string; readonly feedbackId: string }
  | { readonly command: 'feedback_note_set'; readonly profileId: string; readonly projectId: string; readonly feedbackId: string; readonly note: string; readonly sequence: number }
  | { readonly command: 'quest_submit_text'; readonly profileId: string; readonly projectId: string; readonly attemptId: string; readonly questCode: string }
  | { readonly command: 'analyze_attempt'; readonly profileId: string; readonly projectId: string; readonly attemptId: string; readonly feedbackId: string };

export type WriteCommand = AcknowledgedWrite['command'];

export interface LedgerEntry {
  readonly write: AcknowledgedWrite;
  /** The round whose traffic made it (0: the setup before the first kill). */
  readonly round: number;
  /** Set once its content has been read back in full (the lists are checked every round). */
  detailChecked: boolean;
}

export class WriteLedger {
  readonly entries: LedgerEntry[] = [];
  /** Every note sent for a feedback, in the order its (only) writer sent them. */
  private readonly notesSent = new Map<string, string[]>();
  private cut = 0;

  /** Notes a write that was sent and never answered. */
  noteCut(): void {
    this.cut++;
  }

  /** Notes a note about to be sent; its sequence number orders it among that feedback's notes. */
  sendNote(feedbackId: string, note: string): number {
    const sent = this.notesSent.get(feedbackId) ?? [];
    sent.push(note);
    this.notesSent.set(feedbackId, sent);
    return sent.length - 1;
  }

  /**
   * The notes a feedback may hold if the write numbered `sequence` was acknowledged: that one or
   * any sent after it (acknowledged or cut by a kill once sent, so possibly committed).
   */
  notesAcceptableAfter(feedbackId: string, sequence: number): readonly string[] {
    return (this.notesSent.get(feedbackId) ?? []).slice(sequence);
  }

  acknowledge(write: AcknowledgedWrite, round: number): void {
    this.entries.push({ write, round, detailChecked: false });
  }

  /** Writes sent and never answered because the host died under them. */
  get cutByKills(): number {
    return this.cut;
  }

  countByCommand(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const { write } of this.entries) counts[write.command] = (counts[write.command] ?? 0) + 1;
    return counts;
  }
}
