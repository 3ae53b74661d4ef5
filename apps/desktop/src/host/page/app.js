/**
 * The page's flow, in the order the desktop app used: a profile, a talk of that profile, then
 * runs of that talk. A run is saved as one unit: its audio, the run, its transcript and the
 * analysis that gives its feedback.
 */
import { createInvoke, IpcError, takeToken } from './ipc.js';
import { localeOf, localLocale, saveLocale, storedLocale } from './language.js';
import { byId, errorParts, fillSelect, runItem } from './view.js';
import { secondsToSay, silentWav, toBase64 } from './wav.js';

const state = { profileId: null, projectId: null, locale: localLocale(), error: null };
let invoke = null;

/** Shows an error as its sentence in the page's language, and keeps it to show again in another. */
function showError(error) {
  state.error = error instanceof IpcError ? error : new IpcError('PAGE_ERROR', String(error?.message ?? error));
  renderError();
}

function renderError() {
  const box = byId('error');
  if (state.error === null) {
    box.hidden = true;
    return;
  }
  box.replaceChildren(...errorParts(state.error, state.locale));
  box.lang = state.locale;
  box.hidden = false;
}

function clearError() {
  state.error = null;
  renderError();
}

function showLocale() {
  byId('language').value = state.locale;
}

function setStatus(text) {
  byId('status').textContent = text;
}

/**
 * Runs one user action: buttons off meanwhile, errors shown instead of thrown, and `done` said
 * once it succeeded, so that a change is never silent.
 */
async function act(status, work, done = '') {
  const buttons = [...document.querySelectorAll('button')];
  buttons.forEach((button) => (button.disabled = true));
  clearError();
  byId('notice').textContent = '';
  setStatus(status);
  try {
    await work();
    setStatus('');
    byId('notice').textContent = done;
  } catch (error) {
    setStatus('');
    showError(error);
  } finally {
    buttons.forEach((button) => (button.disabled = false));
  }
}

async function refreshProfiles() {
  const profiles = await invoke('profile_list');
  const active = profiles.find((profile) => profile.is_active) ?? profiles[0] ?? null;
  state.profileId = active?.id ?? null;
  fillSelect(byId('profile-select'), profiles, state.profileId, (profile) => profile.name);
  byId('talk-section').hidden = state.profileId === null;
  await refreshTalks();
}

async function refreshTalks() {
  const talks = state.profileId === null ? [] : await invoke('project_list', { profileId: state.profileId });
  const active = talks.find((talk) => talk.is_active) ?? talks[0] ?? null;
  state.projectId = active?.id ?? null;
  // The talk number tells apart talks of the same title.
  fillSelect(byId('talk-select'), talks, state.projectId, (talk) => (talk.talk_number === null ? talk.title : `#${talk.talk_number} · ${talk.title}`));
  byId('run-section').hidden = state.projectId === null;
  await refreshRuns();
}

/**
 * The runs of the current talk. The list is emptied first, so that a failure never leaves the
 * runs of another profile or talk on screen, and a run whose feedback cannot be read shows its
 * own error while the others show theirs.
 */
async function refreshRuns() {
  const list = byId('run-list');
  list.replaceChildren();
  byId('run-empty').hidden = false;
  const runs = state.projectId === null ? [] : await invoke('run_list', { profileId: state.profileId, projectId: state.projectId });
  const items = [];
  for (const run of runs) {
    let feedback = null;
    let problem = null;
    if (run.feedback_id) {
      try {
        feedback = await invoke('feedback_get', { profileId: state.profileId, feedbackId: run.feedback_id });
      } catch (error) {
        problem = error instanceof IpcError ? error : new IpcError('PAGE_ERROR', String(error?.message ?? error));
      }
    }
    items.push(runItem(run, feedback, problem, state.locale));
  }
  list.replaceChildren(...items);
  byId('run-empty').hidden = items.length > 0;
}

async function wavOf(file, text) {
  if (file) return toBase64(new Uint8Array(await file.arrayBuffer()));
  return toBase64(silentWav(secondsToSay(text)));
}

/**
 * One rehearsal, saved whole by `rehearsal_save` (audio, run, transcript, feedback) or not at
 * all. A text of white space only is refused here, before anything is sent.
 */
async function addRun(text, file) {
  if (text.trim() === '') throw new IpcError('transcript_empty', 'the transcript has no words');
  const { profileId, projectId } = state;
  await invoke('rehearsal_save', {
    profileId,
    projectId,
    wavBase64: await wavOf(file, text),
    transcript: { format: 'text', content: text },
  });
}

/** The language choice works without the host too (the page's own errors), and is kept once it is there. */
function wireLanguage() {
  byId('language').addEventListener('change', (event) => {
    state.locale = localeOf(event.target.value);
    renderError();
    saveLocale(invoke, state.locale).catch(showError);
  });
}

function wire() {
  byId('profile-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const input = byId('profile-name');
    act('Creating the profile…', async () => {
      await invoke('profile_create', { name: input.value.trim() });
      input.value = '';
      await refreshProfiles();
    }, 'Profile created.');
  });
  byId('profile-select').addEventListener('change', (event) => {
    act('Opening the profile…', async () => {
      await invoke('profile_switch', { profileId: event.target.value });
      await refreshProfiles();
    }, 'Profile opened.');
  });
  byId('talk-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const input = byId('talk-title');
    act('Creating the talk…', async () => {
      await invoke('project_create', { profileId: state.profileId, payload: { title: input.value.trim() } });
      input.value = '';
      await refreshTalks();
    }, 'Talk created.');
  });
  byId('talk-select').addEventListener('change', (event) => {
    act('Opening the talk…', async () => {
      await invoke('project_set_active', { profileId: state.profileId, projectId: event.target.value });
      await refreshTalks();
    }, 'Talk opened.');
  });
  byId('run-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const text = byId('run-text');
    const audio = byId('run-audio');
    act('Saving the run and analysing it…', async () => {
      await addRun(text.value.trim(), audio.files[0] ?? null);
      text.value = '';
      audio.value = '';
      await refreshRuns();
    }, 'Run saved and analysed.');
  });
}

function start() {
  showLocale();
  wireLanguage();
  const token = takeToken();
  if (token === null) {
    showError(new IpcError('HOST_NO_TOKEN', 'open the address that npm start printed: it carries the access token'));
    return;
  }
  invoke = createInvoke(token);
  wire();
  act('Loading…', async () => {
    state.locale = await storedLocale(invoke);
    showLocale();
    await refreshProfiles();
  });
}

start();
