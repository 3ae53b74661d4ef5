import Database from 'better-sqlite3';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readAudio } from '@lepupitre/repo-talk';
import type { ProfileSession } from '../../src/commands/command-context';
import type { CommandWorld } from '../support/command-world';
import { expectInvalid, expectRejected } from '../support/expectations';
import { seedMediaRun, storeAudio } from '../support/media-fixtures';
import { useProfileWorld } from '../support/worlds';

/** `audio_read_wav`: an audio artifact's bytes for the page to play, read like every artifact. */
describe('audio_read_wav', () => {
  let world: CommandWorld;
  let profileId: string;
  let session: ProfileSession;
  const profileWorld = useProfileWorld();
  beforeEach(() => ({ world, profileId, session } = profileWorld()));

  it('answers the stored WAV, byte for byte', async () => {
    const audio = storeAudio(session, 1500);
    const { wavBase64 } = await world.ok<{ wavBase64: string }>('audio_read_wav', { profileId, audioArtifactId: audio.artifactId });
    expect(Buffer.from(wavBase64, 'base64')).toEqual(readFileSync(audio.path));
  });

  it('refuses what is not a readable audio artifact of the profile', async () => {
    const run = seedMediaRun(world, profileId);
    await expectRejected(world, 'audio_read_wav', { profileId, audioArtifactId: run.transcriptId }, 'artifact_not_audio');
    await expectRejected(world, 'audio_read_wav', { profileId, audioArtifactId: 'art_00000000000000000000000000000000' }, 'artifact_not_found');
    await expectInvalid(world, 'audio_read_wav', { profileId }, 'audioArtifactId');
    rmSync(run.audioPath);
    await expectRejected(world, 'audio_read_wav', { profileId, audioArtifactId: run.audioArtifactId }, 'artifact_read_failed');
  });

  it('refuses an audio larger than the bound from its row, before reading the file', () => {
    const audio = storeAudio(session, 1000);
    expect(readAudio(session.db, session.dir, audio.artifactId, audio.bytes)).toHaveLength(audio.bytes);
    expect(() => readAudio(session.db, session.dir, audio.artifactId, audio.bytes - 1)).toThrow(expect.objectContaining({ code: 'audio_too_large_to_play' }));
    // A file that grew past the bound behind its row's back is refused too.
    const raw = new Database(join(session.dir, 'profile.db'));
    raw.prepare('UPDATE artifacts SET bytes = 10 WHERE id = ?').run(audio.artifactId);
    raw.close();
    writeFileSync(audio.path, Buffer.concat([readFileSync(audio.path), Buffer.alloc(64)]));
    expect(() => readAudio(session.db, session.dir, audio.artifactId, audio.bytes)).toThrow(expect.objectContaining({ code: 'audio_too_large_to_play' }));
  });
});
