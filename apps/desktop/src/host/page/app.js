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

/** Runs one user action: buttons off meanwhile, errors shown instead of thrown. */
async function act(status, work) {
  const buttons = [...document.querySelectorAll('button')];
  buttons.forEach((button) => (button.disabled = true));
  clearError();
  setStatus(status);
  try {
    await work();
    setStatus('');
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
  fillSelect(byId('talk-select'), talks, state.projectId, (talk) => talk.title);
  byId('run-section').hidden = state.projectId === null;
  await refreshRuns();
}

async function refreshRuns() {
  const list = byId('run-list');
  const runs = state.projectId === null ? [] : await invoke('run_list', { profileId: state.profileId, projectId: state.projectId });
  const items = [];
  for (const run of runs) {
    const feedback = run.feedback_id ? await invoke('feedback_get', { profileId: state.profileId, feedbackId: run.feedback_id }) : null;
    items.push(runItem(run, feedback));
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
    });
  });
  byId('profile-select').addEventListener('change', (event) => {
    act('Opening the profile…', async () => {
      await invoke('profile_switch', { profileId: event.target.value });
      await refreshProfiles();
    });
  });
  byId('talk-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const input = byId('talk-title');
    act('Creating the talk…', async () => {
      await invoke('project_create', { profileId: state.profileId, payload: { title: input.value.trim() } });
      input.value = '';
      await refreshTalks();
    });
  });
  byId('talk-select').addEventListener('change', (event) => {
    act('Opening the talk…', async () => {
      await invoke('project_set_active', { profileId: state.profileId, projectId: event.target.value });
      await refreshTalks();
    });
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
    });
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
