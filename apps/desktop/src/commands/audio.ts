import { PACK_LIMITS } from '@lepupitre/repo-pack';
import { assertAudioUnusedByAttempts } from '@lepupitre/repo-quest';
import { deleteVoiceMemo, importAudio, readAudio, trimAudio, voiceMemoArtifactId, voiceMemoProfileId } from '@lepupitre/repo-talk';
import { z } from 'zod';
import { defineCommand, type AnyCommand } from './command';
import { StoredAudioResponse } from './contracts/stored-audio';
import { base64CharsFor, boundedBase64, Id, VoidResponse } from './wire-schemas';

/**
 * Largest WAV `audio_import_wav` takes: the largest audio a review pack may carry (64 MiB, about
 * 35 minutes of 16 kHz mono 16-bit). A bigger recording could be imported but never exported
 * for review, and it crosses the IPC as one string.
 */
export const MAX_IMPORTED_WAV_BYTES = PACK_LIMITS.maxEntryBytes;
export const MAX_IMPORTED_WAV_BASE64_CHARS = base64CharsFor(MAX_IMPORTED_WAV_BYTES);

/** A WAV file as base64, at most what a review pack can carry. */
export const WavBase64 = boundedBase64(MAX_IMPORTED_WAV_BYTES, 'WAV');

/** A time in the audio: the UI sends non-negative integer milliseconds. */
const Milliseconds = z.number().int().nonnegative();

export const audioTrimWav = defineCommand({
  name: 'audio_trim_wav',
  // `endMs > startMs` is not checked here: after clamping to the audio, the repository refuses
  // an empty range with the previous code, `trim_range_invalid`.
  request: z.object({ profileId: Id, audioArtifactId: Id, startMs: Milliseconds, endMs: Milliseconds }),
  response: StoredAudioResponse,
  handler: ({ profileId, audioArtifactId, startMs, endMs }, context) => {
    const session = context.profile(profileId);
    return trimAudio(session.db, session.dir, { audioArtifactId, startMs, endMs });
  },
});

/**
 * `audio_import_wav` (new): the artifact registration of the previous `recording_stop`, for audio
 * that arrives as bytes. The WAV rules and their codes (`wav_header`, `wav_format`,
 * `wav_sample_rate`, `wav_data`) are the repository's.
 */
export const audioImportWav = defineCommand({
  name: 'audio_import_wav',
  request: z.object({
    profileId: Id,
    wavBase64: WavBase64,
  }),
  response: StoredAudioResponse,
  handler: ({ profileId, wavBase64 }, context) => {
    const session = context.profile(profileId);
    return importAudio(session.db, session.dir, Buffer.from(wavBase64, 'base64'));
  },
});

/**
 * `audio_read_wav` (new): an audio artifact's WAV as base64, for playing it back in the page
 * (the previous UI played a memo from its file path, which a browser page cannot). At most what
 * `audio_import_wav` takes: a longer recording is `audio_too_large_to_play`.
 */
export const audioReadWav = defineCommand({
  name: 'audio_read_wav',
  request: z.object({ profileId: Id, audioArtifactId: Id }),
  response: z.object({ wavBase64: z.string() }),
  handler: ({ profileId, audioArtifactId }, context) => {
    const session = context.profile(profileId);
    return { wavBase64: readAudio(session.db, session.dir, audioArtifactId, MAX_IMPORTED_WAV_BYTES).toString('base64') };
  },
});

/**
 * `voice_memo_delete` (docs/compatibility.md#talk-18): only the audio artifact of a profile that the
 * path names, row and file, and only when no run or attempt uses it. The request stays the
 * previous `{ path }`: the profile is the one whose folder holds it.
 */
export const voiceMemoDelete = defineCommand({
  name: 'voice_memo_delete',
  request: z.object({ path: z.string().min(1) }),
  response: VoidResponse,
  handler: ({ path }, context) => {
    const { db, dir } = context.profile(voiceMemoProfileId(path));
    // One unit across two contexts: the quest side's check and the talk side's delete.
    db.transaction(() => {
      assertAudioUnusedByAttempts(db, voiceMemoArtifactId(db, dir, path));
      deleteVoiceMemo(db, dir, path);
    });
    return null;
  },
});

export const AUDIO_COMMANDS: readonly AnyCommand[] = [audioTrimWav, audioImportWav, audioReadWav, voiceMemoDelete];
