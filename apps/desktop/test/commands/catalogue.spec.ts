import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMANDS } from '../../src/commands/catalogue';

/** The previous app's 69 registered commands (release and development builds). */
const PREVIOUS_CATALOGUE = [
  'audio_reveal_wav', 'audio_trim_wav', 'recording_start', 'recording_input_devices', 'recording_telemetry_budget',
  'recording_status', 'recording_pause', 'recording_resume', 'recording_stop', 'voice_memo_delete',
  'mascot_get_context_message', 'progress_get_snapshot', 'talks_get_blueprint', 'analyze_attempt', 'feedback_context_get',
  'feedback_get', 'feedback_note_get', 'feedback_note_set', 'feedback_timeline_list', 'export_outline', 'outline_get',
  'outline_set', 'pack_inspect', 'pack_export', 'peer_review_import', 'peer_review_get', 'peer_review_list',
  'preference_global_get', 'preference_global_set', 'preference_profile_get', 'preference_profile_set', 'profile_create',
  'profile_delete', 'profile_db_diagnostics', 'profile_list', 'profile_rename', 'profile_switch', 'project_create',
  'project_ensure_training', 'project_get_active', 'project_list', 'project_set_active', 'project_update',
  'quest_get_daily', 'quest_get_by_code', 'quest_list', 'quest_attempts_list', 'quest_report', 'quest_submit_audio',
  'quest_submit_text', 'run_analyze', 'run_create', 'run_finish', 'run_get', 'run_get_latest', 'run_list',
  'run_set_transcript', 'transcribe_audio', 'transcript_get', 'transcript_edit_save', 'transcript_export',
  'asr_models_list', 'asr_model_download', 'asr_model_remove', 'asr_model_verify', 'asr_sidecar_status',
  'asr_diagnostics_export', 'security_prepare_appdata_file', 'security_probe_fs',
];

/** What this layer deliberately does not carry (capture, speech models, shell, development probes). */
const NOT_CARRIED = [
  'recording_start', 'recording_stop', 'recording_pause', 'recording_resume', 'recording_status',
  'recording_input_devices', 'recording_telemetry_budget', 'transcribe_audio', 'asr_models_list',
  'asr_model_download', 'asr_model_remove', 'asr_model_verify', 'asr_sidecar_status', 'asr_diagnostics_export',
  'audio_reveal_wav', 'security_probe_fs', 'security_prepare_appdata_file',
];

/** New here: the two imports, a rehearsal saved as one unit, and packs as bytes for the page. */
const ADDED = ['audio_import_wav', 'audio_read_wav', 'transcript_import', 'rehearsal_save', 'pack_export_bytes', 'peer_review_import_bytes', 'quest_submit_recording'];

const docs = readFileSync(join(__dirname, '../../../../docs/ipc-commands.md'), 'utf8');
const names = COMMANDS.map((command) => command.name);

describe('the command catalogue', () => {
  it('carries every database command of the previous catalogue, plus the added ones, once each', () => {
    expect(PREVIOUS_CATALOGUE).toHaveLength(69);
    expect(new Set(names).size).toBe(names.length);
    const expected = [...PREVIOUS_CATALOGUE.filter((name) => !NOT_CARRIED.includes(name)), ...ADDED];
    expect([...names].sort()).toEqual(expected.sort());
  });

  it('documents every command it carries and every one it does not, with the reason', () => {
    for (const name of [...names, ...NOT_CARRIED]) expect(docs).toContain(`\`${name}\``);
    const notCarried = docs.slice(docs.indexOf('## Not carried by this layer'));
    for (const name of NOT_CARRIED) expect(notCarried).toContain(`\`${name}\``);
  });

  it('names commands in the catalogue style: lowercase words joined by underscores', () => {
    for (const name of names) expect(name).toMatch(/^[a-z]+(_[a-z]+)+$/);
  });
});
