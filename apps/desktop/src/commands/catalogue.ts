import type { AnyCommand } from './command';
import { AUDIO_COMMANDS } from './audio';
import { COACH_COMMANDS } from './coach';
import { FEEDBACK_COMMANDS } from './feedback';
import { OUTLINE_COMMANDS } from './outline';
import { PACK_COMMANDS } from './pack';
import { PACK_BYTES_COMMANDS } from './pack-bytes';
import { PEER_REVIEW_COMMANDS } from './peer-review';
import { PREFERENCE_COMMANDS } from './preferences';
import { PROFILE_COMMANDS } from './profile';
import { PROJECT_COMMANDS } from './project';
import { QUEST_COMMANDS } from './quest';
import { QUEST_RECORDING_COMMANDS } from './quest-recording';
import { REHEARSAL_COMMANDS } from './rehearsal';
import { RUN_COMMANDS } from './run';
import { TRANSCRIPTION_COMMANDS } from './transcription';

/**
 * Every IPC command of the app, by context in the previous catalogue's order. Commands of the
 * previous app that this layer does not carry (audio capture, speech models, development-only
 * probes) are listed with the reason in docs/ipc-commands.md.
 */
export const COMMANDS: readonly AnyCommand[] = [
  ...AUDIO_COMMANDS,
  ...COACH_COMMANDS,
  ...FEEDBACK_COMMANDS,
  ...OUTLINE_COMMANDS,
  ...PACK_COMMANDS,
  ...PACK_BYTES_COMMANDS,
  ...PEER_REVIEW_COMMANDS,
  ...PREFERENCE_COMMANDS,
  ...PROFILE_COMMANDS,
  ...PROJECT_COMMANDS,
  ...QUEST_COMMANDS,
  ...QUEST_RECORDING_COMMANDS,
  ...RUN_COMMANDS,
  ...REHEARSAL_COMMANDS,
  ...TRANSCRIPTION_COMMANDS,
];
