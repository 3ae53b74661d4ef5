import { exportTranscript, getTranscript, importTranscript, saveEditedTranscript, type TranscriptImportInput } from '@lepupitre/repo-talk';
import { z } from 'zod';
import { defineCommand, type AnyCommand } from './command';
import { TranscriptIdResponse, TranscriptV1 } from './contracts/transcript-v1';
import { Id, PathResponse } from './wire-schemas';

export const transcriptGet = defineCommand({
  name: 'transcript_get',
  request: z.object({ profileId: Id, transcriptId: Id }),
  response: TranscriptV1,
  handler: ({ profileId, transcriptId }, context) => {
    const session = context.profile(profileId);
    return getTranscript(session.db, session.dir, transcriptId);
  },
});

export const transcriptEditSave = defineCommand({
  name: 'transcript_edit_save',
  // A text without a non-blank line is `transcript_empty`, the repository's code: the schema
  // does not refuse the empty string first.
  request: z.object({ profileId: Id, transcriptId: Id, editedText: z.string() }),
  response: TranscriptIdResponse,
  handler: ({ profileId, transcriptId, editedText }, context) => {
    const session = context.profile(profileId);
    return saveEditedTranscript(session.db, session.dir, transcriptId, editedText);
  },
});

export const transcriptExport = defineCommand({
  name: 'transcript_export',
  // Any other format was refused by the previous app before its handler ran.
  request: z.object({ profileId: Id, transcriptId: Id, format: z.enum(['txt', 'json', 'srt', 'vtt']) }),
  response: PathResponse,
  handler: ({ profileId, transcriptId, format }, context) => {
    const session = context.profile(profileId);
    return exportTranscript(session.db, session.dir, transcriptId, format);
  },
});

/**
 * A transcript made elsewhere, as `transcript_import` and `rehearsal_save` take it. `json` is a
 * TranscriptV1 document as text; `text` is plain text, one segment per non-blank line spread
 * over the audio's duration, where `language` (`auto`, `en`, `fr`; anything else is `auto`) and
 * `spokenPunctuation` apply. A JSON document carries its own language, so those two are
 * ignored for `json`.
 */
export const TranscriptContent = z.object({
  format: z.enum(['json', 'text']),
  // Emptiness and shape are the repository's (`transcript_empty`, `transcript_parse_failed`).
  content: z.string(),
  language: z.string().nullish(),
  spokenPunctuation: z.boolean().nullish(),
});

/**
 * `transcript_import` (new): what `transcribe_audio` stored, for a transcript made elsewhere,
 * since there is no speech engine here (`TranscriptContent`).
 */
export const transcriptImport = defineCommand({
  name: 'transcript_import',
  request: z.object({ profileId: Id, audioArtifactId: Id, ...TranscriptContent.shape }),
  response: TranscriptIdResponse,
  handler: ({ profileId, audioArtifactId, ...transcript }, context) => {
    const session = context.profile(profileId);
    return importTranscript(session.db, session.dir, transcriptImportInput(audioArtifactId, transcript));
  },
});

/** A transcript as the UI sends it (`json` document text or plain `text`), for the repository. */
export function transcriptImportInput(audioArtifactId: string, transcript: z.output<typeof TranscriptContent>): TranscriptImportInput {
  const { format, content, language, spokenPunctuation } = transcript;
  return format === 'json'
    ? { kind: 'json-text', audioArtifactId, json: content }
    : { kind: 'text', audioArtifactId, text: content, language, spokenPunctuation };
}

export const TRANSCRIPTION_COMMANDS: readonly AnyCommand[] = [transcriptGet, transcriptEditSave, transcriptExport, transcriptImport];
