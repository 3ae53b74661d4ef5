import { newId } from '@lepupitre/domain-primitives';
import { openDatabase } from '@lepupitre/db-core';
import { seedProfile } from '@lepupitre/fixtures';
import { replayWithFaults, TEST_SAFEGUARDS } from '@lepupitre/testing';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createProject,
  createRun,
  exportTranscript,
  importAudio,
  importTranscript,
  saveEditedTranscript,
  trimAudio,
  ensureTrainingProject,
  exportOutline,
  finishRun,
  getActiveProject,
  linkRunFeedback,
  setOutline,
  setRunTranscriptId,
  updateProject,
} from '../src';
import { expectAllOrNothing } from './support/atomicity';
import { copyProfile, newProfile, removeProfiles, steppingClock, storeArtifact, type TestProfile } from './support/profile';
import { insertFeedbackRow } from './support/queries';
import { rampSamples, wavBytes } from './support/wav-bytes';

afterAll(removeProfiles);

const now = steppingClock();

/** A profile with one talk (active, with a saved outline and an earlier export) and one run. */
interface World extends TestProfile {
  readonly projectId: string;
  readonly runId: string;
  readonly audioId: string;
  readonly transcriptId: string;
  readonly feedbackArtifactId: string;
  /** A real 1 s WAV and a valid transcript of it, with an earlier `txt` export. */
  readonly wavId: string;
  readonly sourceTranscriptId: string;
}

const SOURCE_TRANSCRIPT = {
  schema_version: '1.0.0',
  language: 'fr',
  model_id: 'tiny',
  duration_ms: 1000,
  segments: [
    { t_start_ms: 0, t_end_ms: 400, text: 'bonjour', confidence: null },
    { t_start_ms: 400, t_end_ms: 1000, text: 'à tous', confidence: null },
  ],
};

function buildWorld(): World {
  const profile = newProfile();
  const { db, folder } = profile;
  const projectId = createProject(db, { title: 'Existing' }, { now });
  setOutline(db, projectId, '# Saved', { now });
  mkdirSync(join(folder, 'exports', 'outline'), { recursive: true });
  writeFileSync(join(folder, 'exports', 'outline', `${projectId}.md`), '# Earlier export');
  const runId = createRun(db, projectId, { now });
  const sourceTranscriptId = storeArtifact(db, folder, 'transcript', Buffer.from(JSON.stringify(SOURCE_TRANSCRIPT)));
  mkdirSync(join(folder, 'exports', 'transcript'), { recursive: true });
  writeFileSync(join(folder, 'exports', 'transcript', `${sourceTranscriptId}.txt`), 'earlier');
  return {
    ...profile,
    projectId,
    runId,
    audioId: storeArtifact(db, folder, 'audio'),
    transcriptId: storeArtifact(db, folder, 'transcript'),
    feedbackArtifactId: storeArtifact(db, folder, 'feedback'),
    wavId: importAudio(db, folder, wavBytes({ samples: rampSamples(16000) }), { now }).artifactId,
    sourceTranscriptId,
  };
}

/**
 * Every replay starts from a copy of one world built once: reopening a copied, migrated file is
 * much faster than building the world again, and every replay then sees identical ids.
 */
let template: World | undefined;
function world(): World {
  if (!template) {
    template = buildWorld();
    template.db.close();
  }
  const folder = copyProfile(template.folder);
  const databasePath = join(folder, 'profile.db');
  return { ...template, folder, databasePath, db: openDatabase(databasePath, 'profile', { safeguards: TEST_SAFEGUARDS }).db };
}

describe('every multi-step write is all or nothing', () => {
  it('project create: number, insert, activation', () => {
    const kinds = expectAllOrNothing({ setup: world, flow: ({ db }) => createProject(db, { title: 'New' }, { now }) });
    expect(kinds).toEqual(['statement', 'statement', 'statement', 'commit']);
  });

  it('project update', () => {
    expectAllOrNothing({
      setup: world,
      flow: ({ db, projectId }) => updateProject(db, projectId, { title: 'Renamed', stage: 'train' }, { now }),
    });
  });

  it('outline set (first save and later saves)', () => {
    expectAllOrNothing({ setup: world, flow: ({ db, projectId }) => setOutline(db, projectId, '# Changed', { now }) });
    expectAllOrNothing({
      setup: () => {
        const w = world();
        return { ...w, projectId: createProject(w.db, { title: 'Fresh' }, { now }) };
      },
      flow: ({ db, projectId }) => setOutline(db, projectId, '# First', { now }),
    });
  });

  it('outline export: the earlier export survives a failure at any file step', () => {
    const kinds = expectAllOrNothing({
      setup: world,
      flow: ({ db, folder, projectId }) => exportOutline(db, folder, projectId),
    });
    expect(kinds).toEqual(['statement', 'file', 'file', 'file']);
  });

  it('ensure training', () => {
    expectAllOrNothing({ setup: world, flow: ({ db }) => ensureTrainingProject(db, { now }) });
  });

  it('active talk repair: a failed repair writes nothing and still answers', () => {
    const replays = replayWithFaults({
      setup: () => {
        const w = world();
        seedProfile(w.databasePath, (kit) => kit.setActiveTalk(null));
        return w;
      },
      flow: ({ db, projectId }) => {
        expect(getActiveProject(db)?.id).toBe(projectId);
        expect(db.inTransaction).toBe(false);
      },
    });
    // Two reads, then the repair: re-read, fallback read, write, commit.
    expect(replays.map((r) => r.event.kind)).toEqual(['statement', 'statement', 'statement', 'statement', 'statement', 'commit']);
    for (const replay of replays) {
      expect(replay.error === undefined).toBe(replay.step > 2);
      expect(replay.after).toEqual(replay.before);
    }
  });

  it('run create', () => {
    expectAllOrNothing({ setup: world, flow: ({ db, projectId }) => createRun(db, projectId, { now }) });
  });

  it('run finish', () => {
    expectAllOrNothing({ setup: world, flow: ({ db, runId, audioId }) => finishRun(db, runId, audioId) });
  });

  it('run set transcript', () => {
    expectAllOrNothing({ setup: world, flow: ({ db, runId, transcriptId }) => setRunTranscriptId(db, runId, transcriptId) });
  });

  it('link feedback, inside the unit that inserts the feedback', () => {
    expectAllOrNothing({
      setup: world,
      flow: ({ db, runId, feedbackArtifactId }) =>
        db.transaction(() => {
          const feedbackId = newId('fb');
          db.run(insertFeedbackRow, { id: feedbackId, runId, artifactId: feedbackArtifactId, createdAt: now() });
          linkRunFeedback(db, runId, feedbackId);
        }),
    });
  });

  it('audio import: file and row together or neither', () => {
    const kinds = expectAllOrNothing({
      setup: world,
      flow: ({ db, folder }) => importAudio(db, folder, wavBytes({ samples: rampSamples(800) }), { now }),
    });
    expect(kinds).toEqual(['file', 'file', 'file', 'statement', 'commit']);
  });

  it('audio trim', () => {
    expectAllOrNothing({
      setup: world,
      flow: ({ db, folder, wavId }) => trimAudio(db, folder, { audioArtifactId: wavId, startMs: 100, endMs: 600 }, { now }),
    });
  });

  it('transcript import, from a document and from text', () => {
    expectAllOrNothing({
      setup: world,
      flow: ({ db, folder, wavId }) => importTranscript(db, folder, { kind: 'json', audioArtifactId: wavId, document: SOURCE_TRANSCRIPT }, { now }),
    });
    expectAllOrNothing({
      setup: world,
      flow: ({ db, folder, wavId }) =>
        importTranscript(db, folder, { kind: 'text', audioArtifactId: wavId, text: 'un virgule\ndeux', language: 'fr', spokenPunctuation: true }, { now }),
    });
  });

  it('transcript edit save', () => {
    expectAllOrNothing({
      setup: world,
      flow: ({ db, folder, sourceTranscriptId }) => saveEditedTranscript(db, folder, sourceTranscriptId, 'bonjour\nà tous\nmerci', { now }),
    });
  });

  it('transcript export: the earlier export survives a failure at any file step', () => {
    const kinds = expectAllOrNothing({
      setup: world,
      flow: ({ db, folder, sourceTranscriptId }) => exportTranscript(db, folder, sourceTranscriptId, 'txt'),
    });
    expect(kinds.filter((k) => k === 'file')).toHaveLength(3);
  });
});
