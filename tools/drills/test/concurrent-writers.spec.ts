import { createProject } from '@lepupitre/repo-talk';
import { profileSeeder, useChildScript } from '@lepupitre/fixtures';
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONCURRENT_WRITER } from '../src';
import { openGuardedDatabase } from '@lepupitre/db-ops';

jest.setTimeout(60_000);

interface Ack {
  readonly kind: 'run' | 'attempt' | 'note' | 'error';
  readonly id?: string;
  readonly note?: string;
  readonly code?: string;
}

const WRITERS = 2;
const SECONDS = 3;

// The writer process, bundled once for this file (it starts faster than through tsx).
const writerScript = useChildScript(CONCURRENT_WRITER);

function startWriter(args: string[]): Promise<{ status: number | null; acks: Ack[]; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [writerScript(), ...args]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (status) =>
      resolve({ status, stderr, acks: stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Ack) }),
    );
  });
}

describe('several processes writing one profile database at once', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'lepupitre-writers-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('never lets SQLITE_BUSY reach a caller, and keeps every acknowledged write', async () => {
    const path = join(dir, 'profile.db');
    const { db } = openGuardedDatabase(path, 'profile');
    const projectId = createProject(db, { title: 'Concurrency' });
    db.close();
    // Each writer notes its own feedback rows, so the last acknowledged note of each is known.
    const feedbackOf = (writer: number): string[] => [0, 1, 2].map((i) => `fb_${String(writer * 10 + i).padStart(32, '0')}`);
    const kit = profileSeeder(path, { clock: '2026-03-01T00:00:00+00:00' });
    const artifact = kit.newArtifact({ id: 'art_fb', type: 'feedback', sha256: 'x', bytes: 2 });
    for (let w = 0; w < WRITERS; w++) {
      for (const id of feedbackOf(w)) kit.newFeedback({ id, subject_id: 'run_x', feedback_json_artifact_id: artifact.id, overall_score: 50 });
    }
    kit.close();

    const go = join(dir, 'go');
    const writers = Array.from({ length: WRITERS }, (_, w) => startWriter([path, projectId, feedbackOf(w).join(','), String(SECONDS), go]));
    writeFileSync(go, '');
    const results = await Promise.all(writers);

    for (const result of results) expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
    const acks = results.flatMap((r) => r.acks);
    expect(acks.filter((a) => a.kind === 'error')).toEqual([]);
    const runs = acks.filter((a) => a.kind === 'run').map((a) => a.id);
    const attempts = acks.filter((a) => a.kind === 'attempt').map((a) => a.id);
    // Both processes really wrote, many times each, interleaved in the same seconds.
    for (const result of results) expect(result.acks.filter((a) => a.kind === 'run').length).toBeGreaterThan(20);

    const check = new Database(path, { readonly: true });
    try {
      expect((check.prepare('SELECT id FROM runs ORDER BY id').pluck().all() as string[])).toEqual([...runs].sort());
      expect((check.prepare('SELECT id FROM quest_attempts ORDER BY id').pluck().all() as string[])).toEqual([...attempts].sort());
      for (const result of results) {
        const last = new Map<string, string>();
        for (const ack of result.acks) if (ack.kind === 'note') last.set(ack.id as string, ack.note as string);
        for (const [feedbackId, note] of last) {
          expect(check.prepare('SELECT note_text FROM feedback_notes WHERE feedback_id = ?').pluck().get(feedbackId)).toBe(note);
        }
      }
      expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      check.close();
    }
    console.log(`concurrent writers: ${runs.length} runs, ${attempts.length} attempts, ${acks.filter((a) => a.kind === 'note').length} notes in ${SECONDS} s`);
  });
});
