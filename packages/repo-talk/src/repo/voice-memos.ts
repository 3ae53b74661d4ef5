import { ArtifactStore, type DatabaseHandle } from '@lepupitre/db-core';
import { DomainError } from '@lepupitre/domain-primitives';
import { basename, dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { runUsingAudio } from '../queries';
import { TalkErrorCode } from '../types';
import { requireArtifactOfKind } from './artifact-checks';

/** `artifacts/audio/<artifact id>.wav`: where every recording and imported audio is stored. */
const ARTIFACTS_FOLDER = 'artifacts';
const AUDIO_FOLDER = 'audio';
const AUDIO_FILE = /^([A-Za-z0-9_]+)\.wav$/;

/**
 * The profile a voice memo's path belongs to: the name of the folder that holds
 * `artifacts/audio/<id>.wav`. The UI only knows the memo by the absolute path the recording
 * (or the audio import) returned; anything else is `path_not_allowed`. The caller still has to
 * check that this profile's folder is the one the path is in (`deleteVoiceMemo` does).
 */
export function voiceMemoProfileId(path: string): string {
  if (!isAbsolute(path) || path.includes('\0')) throw pathNotAllowed();
  const file = resolve(path);
  const audioDir = dirname(file);
  const artifactsDir = dirname(audioDir);
  const profileDir = dirname(artifactsDir);
  const valid =
    AUDIO_FILE.test(basename(file)) &&
    basename(audioDir) === AUDIO_FOLDER &&
    basename(artifactsDir) === ARTIFACTS_FOLDER &&
    dirname(profileDir) !== profileDir;
  if (!valid) throw pathNotAllowed();
  return basename(profileDir);
}

/**
 * The audio artifact a voice memo's path names, in this profile. The path must be exactly an
 * audio artifact's file of this profile (`<profile>/artifacts/audio/<id>.wav`, else
 * `path_not_allowed`), the artifact must exist and be audio (`artifact_not_found`,
 * `artifact_not_audio`), and its row must point at that very file: an id whose row points
 * elsewhere (a legacy or hostile relpath) is not this file.
 */
export function voiceMemoArtifactId(db: DatabaseHandle, profileDir: string, path: string): string {
  if (!isAbsolute(path) || path.includes('\0')) throw pathNotAllowed();
  const parts = relative(resolve(profileDir), resolve(path)).split(sep);
  const match = parts.length === 3 && parts[0] === ARTIFACTS_FOLDER && parts[1] === AUDIO_FOLDER ? AUDIO_FILE.exec(parts[2] ?? '') : null;
  const artifactId = match?.[1];
  if (artifactId === undefined) throw pathNotAllowed();
  requireArtifactOfKind(db, artifactId, 'audio');
  if (new ArtifactStore(db, profileDir).get(artifactId)?.localRelpath !== `${ARTIFACTS_FOLDER}/${AUDIO_FOLDER}/${artifactId}.wav`) {
    throw pathNotAllowed();
  }
  return artifactId;
}

/**
 * `voice_memo_delete` (docs/compatibility.md#talk-18), the talk side. The previous app removed any
 * file under the app data folder and left the artifact row behind. Here the path must name an
 * audio artifact of this profile (`voiceMemoArtifactId`), and no run may use it (`audio_in_use`:
 * deleting it would silently unlink a rehearsal's recording; quest attempts are the quest
 * context's check, composed by the caller in the same transaction). Then the row goes and the
 * file after commit: the file removed is the one the row points at, resolved inside the profile.
 */
export function deleteVoiceMemo(db: DatabaseHandle, profileDir: string, path: string): void {
  db.transaction(() => {
    const artifactId = voiceMemoArtifactId(db, profileDir, path);
    if (db.get(runUsingAudio, { artifactId })) throw new DomainError(TalkErrorCode.AUDIO_IN_USE);
    new ArtifactStore(db, profileDir).delete(artifactId);
  });
}

function pathNotAllowed(): DomainError {
  return new DomainError(TalkErrorCode.PATH_NOT_ALLOWED);
}
