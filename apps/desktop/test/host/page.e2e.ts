import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { sentenceOf } from '../../src/errors/error-sentence';
import { createCommandHost } from '../../src/runtime/command-host';
import { samplesIn, WAV_SAMPLE_RATE_HZ, wavBytes } from '../support/wav-bytes';
import { LaunchedHost } from './launched-host';

const CHROMIUM = process.env['CHROMIUM_PATH'] || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** Two seconds of a 440 Hz tone in the app's WAV format: the recording the person picks. */
const PICKED_WAV = wavBytes({ samples: samplesIn(2000), sample: (i) => Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / WAV_SAMPLE_RATE_HZ)) });
const SAID = 'Hello everyone. Today, um, I will show you why SQLite is a great fit for local apps. It is fast, it is simple, and your data stays with you.';

/**
 * A person's first session, through the page in headless Chromium against `npm start`'s own
 * launcher: a profile, a talk, a run with what they said, its feedback score on screen; then the
 * host stops and a fresh command host finds all of it in the SQLite files.
 */
/**
 * The app host launched as `npm start` launches it on a new data folder, and a headless
 * Chromium, for the tests of one describe block; both stopped and the folder removed after.
 */
function useHostAndBrowser(): { root: () => string; host: () => LaunchedHost; browser: () => Browser } {
  let root: string;
  let host: LaunchedHost;
  let browser: Browser;
  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: run node tools/browser/ensure-chromium.cjs (or set CHROMIUM_PATH)`);
    root = mkdtempSync(path.join(tmpdir(), 'lepupitre-e2e-'));
    host = LaunchedHost.start(path.join(root, 'data'), root);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  }, 60000);
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    if (root) rmSync(root, { recursive: true, force: true });
  });
  return { root: () => root, host: () => host, browser: () => browser };
}

describe('app host page in Chromium', () => {
  const launched = useHostAndBrowser();

  it('creates a profile, a talk and a run, shows its feedback, and stores it all', async () => {
    const host = launched.host();
    const browser = launched.browser();
    const dataDir = path.join(launched.root(), 'data');
    const { url, port } = await host.url();
    const origin = `http://127.0.0.1:${port}`;
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => void (message.type() === 'error' && problems.push(`console: ${message.text()}`)));
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('request', (request) => void (request.url().startsWith(`${origin}/`) || problems.push(`off-host request: ${request.url()}`)));

    await page.goto(url);
    await until(page, '#status', '');
    // The token leaves the address bar as soon as the page has read it.
    expect(page.url()).toBe(`${origin}/`);

    await page.getByLabel('New profile name').fill('Ada');
    await page.getByRole('button', { name: 'Create profile' }).click();
    await until(page, '#profile-select option:checked', 'Ada');

    await page.getByLabel('New talk title').fill('Why SQLite');
    await page.getByRole('button', { name: 'Create talk' }).click();
    await until(page, '#talk-select option:checked', '#1 · Why SQLite');
    expect(await page.locator('#run-empty').isVisible()).toBe(true);

    await page.getByLabel('What you said').fill(SAID);
    await page.getByRole('button', { name: 'Add run and get feedback' }).click();
    await until(page, '#run-list .score');
    expect(await page.locator('#run-list .score').textContent()).toMatch(/^score \d{1,3}\/100$/);
    expect(await page.locator('#run-list > li').count()).toBe(1);
    expect(await page.locator('#run-empty').isVisible()).toBe(false);

    // A second run with a recording the person picked: those bytes are what gets stored.
    await page.getByLabel('What you said').fill('A shorter second take.');
    await page.getByLabel(/^Recording/).setInputFiles({ name: 'take.wav', mimeType: 'audio/wav', buffer: PICKED_WAV });
    await page.getByRole('button', { name: 'Add run and get feedback' }).click();
    await until(page, '#run-list > li:nth-child(2) .score');
    // Newest first: the picked recording's run, then the typed one.
    const shown = await page.locator('#run-list .score').allTextContents();
    expect(shown).toEqual([expect.stringMatching(/^score \d{1,3}\/100$/), expect.stringMatching(/^score \d{1,3}\/100$/)]);

    // Text of white space only passes the field's `required` but is refused before anything is
    // sent: no run without words is left behind.
    await page.getByLabel('What you said').fill(' \u00a0 \t ');
    await page.getByRole('button', { name: 'Add run and get feedback' }).click();
    await page.locator('#error').waitFor({ state: 'visible' });
    expect(await page.locator('#error').textContent()).toBe(`${sentenceOf('transcript_empty').en} (transcript_empty)`);
    expect(await page.locator('#run-list > li').count()).toBe(2);

    // A refused command is shown as what happened and what to do, in English by default, with
    // its code once; choosing French shows it in French.
    await page.getByLabel('New profile name').fill('Ada');
    await page.getByRole('button', { name: 'Create profile' }).click();
    await page.locator('#error').waitFor({ state: 'visible' });
    const duplicate = sentenceOf('profile_name_exists');
    expect(await page.locator('#error').textContent()).toBe(`${duplicate.en} (profile_name_exists)`);
    await page.getByLabel(/^Language/).selectOption('fr');
    expect(await page.locator('#error').textContent()).toBe(`${duplicate.fr} (profile_name_exists)`);
    expect(await page.locator('#error').getAttribute('lang')).toBe('fr');

    // A reload keeps working from the tab's copy of the token and shows the stored runs, and the
    // language chosen: the next refusal is told in French.
    await page.reload();
    await until(page, '#run-list > li:nth-child(2) .score');
    expect(await page.locator('#run-list .score').allTextContents()).toEqual(shown);
    expect(await page.getByLabel(/^Language/).inputValue()).toBe('fr');
    await page.getByLabel('New profile name').fill('Ada');
    await page.getByRole('button', { name: 'Create profile' }).click();
    await page.locator('#error').waitFor({ state: 'visible' });
    expect(await page.locator('#error').textContent()).toBe(`${duplicate.fr} (profile_name_exists)`);

    // Another browser, with the printed address: the language comes from the stored preference.
    const other = await (await browser.newContext()).newPage();
    await other.goto(url);
    await until(other, '#run-list > li:nth-child(2) .score');
    expect(await other.getByLabel(/^Language/).inputValue()).toBe('fr');

    // Without the token (a new tab context, the bare address) the page says what to open.
    const bare = await (await browser.newContext()).newPage();
    await bare.goto(`${origin}/`);
    await bare.locator('#error').waitFor({ state: 'visible' });
    expect(await bare.locator('#error').textContent()).toBe(`${sentenceOf('HOST_NO_TOKEN').en} (HOST_NO_TOKEN)`);

    expect(problems).toEqual([]);
    await browser.close();
    expect(await host.stop()).toBe(0);

    const reader = createCommandHost({ dataDir });
    try {
      const ok = async <T>(name: string, payload: unknown): Promise<T> => {
        const result = await reader.router.invoke(name, payload);
        if (!result.ok) throw new Error(`${name}: ${result.error.code}: ${result.error.message}`);
        return result.data as T;
      };
      expect(await ok<string | null>('preference_global_get', { key: 'lepupitre_locale' })).toBe('fr');
      const [profile] = await ok<{ id: string; name: string }[]>('profile_list', {});
      expect(profile?.name).toBe('Ada');
      const profileId = profile?.id;
      const [talk] = await ok<{ id: string; title: string }[]>('project_list', { profileId });
      expect(talk?.title).toBe('Why SQLite');
      const runs = await ok<{ created_at: string; feedback_id: string | null; transcript_id: string | null; audio_artifact_id: string | null }[]>('run_list', { profileId, projectId: talk?.id });
      expect(runs).toHaveLength(2);
      const [picked, run] = [...runs].sort((a, b) => (a.created_at < b.created_at ? 1 : -1));
      expect(readFileSync(path.join(dataDir, 'profiles', String(profileId), 'artifacts', 'audio', `${picked?.audio_artifact_id}.wav`))).toEqual(PICKED_WAV);
      expect(run).toMatchObject({ audio_artifact_id: expect.any(String), transcript_id: expect.any(String), feedback_id: expect.any(String) });
      const scores = [];
      for (const stored of [picked, run]) scores.push(`score ${(await ok<{ overall_score: number }>('feedback_get', { profileId, feedbackId: stored?.feedback_id })).overall_score}/100`);
      expect(scores).toEqual(shown);
      const transcript = await ok<{ segments: { text: string }[] }>('transcript_get', { profileId, transcriptId: run?.transcript_id });
      expect(transcript.segments.map((segment) => segment.text).join(' ')).toContain('SQLite is a great fit');
    } finally {
      await reader.close();
    }
  }, 90000);
});

/**
 * What the page must get right around the happy path: every change confirmed, talks of one
 * title told apart by their number, and a run list that belongs to the open profile and talk
 * even when one run's feedback cannot be read.
 */
describe('app host page in Chromium, lists and confirmations', () => {
  const launched = useHostAndBrowser();

  it('confirms each change, numbers talks, and shows one unreadable feedback as that run\'s error only', async () => {
    const root = launched.root();
    const { url } = await launched.host().url();
    const page = await (await launched.browser().newContext()).newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    await page.goto(url);
    await until(page, '#status', '');

    const addProfile = async (name: string): Promise<void> => {
      await page.getByLabel('New profile name').fill(name);
      await page.getByRole('button', { name: 'Create profile' }).click();
      await until(page, '#notice', 'Profile created.');
    };
    const addTalk = async (title: string, shown: string): Promise<void> => {
      await page.getByLabel('New talk title').fill(title);
      await page.getByRole('button', { name: 'Create talk' }).click();
      await until(page, '#talk-select option:checked', shown);
      expect(await page.locator('#notice').textContent()).toBe('Talk created.');
    };
    const addRun = async (said: string, count: number): Promise<void> => {
      await page.getByLabel('What you said').fill(said);
      await page.getByRole('button', { name: 'Add run and get feedback' }).click();
      await until(page, `#run-list > li:nth-child(${count}) .score`);
      expect(await page.locator('#notice').textContent()).toBe('Run saved and analysed.');
    };

    await addProfile('Ada');
    await addTalk('Demo', '#1 · Demo');
    await addTalk('Demo', '#2 · Demo');
    expect(await page.locator('#talk-select option').allTextContents()).toEqual(expect.arrayContaining(['#1 · Demo', '#2 · Demo']));
    await addRun(SAID, 1);
    await addRun('A second take, shorter.', 2);

    // One of Ada's feedback files becomes unreadable.
    const adaFolder = path.join(root, 'data', 'profiles');
    const [adaId] = readdirSync(adaFolder);
    const feedbackDir = path.join(adaFolder, String(adaId), 'artifacts', 'feedback');
    const [damaged] = readdirSync(feedbackDir).sort();
    writeFileSync(path.join(feedbackDir, String(damaged)), 'not feedback');

    // Bob, a talk and a run of his; then back to Ada.
    await addProfile('Bob');
    await addTalk('Bob talk', '#1 · Bob talk');
    await addRun('Bob says hello to everyone here today.', 1);
    const bobRuns = await page.locator('#run-list > li').evaluateAll((items) => items.map((item) => (item as unknown as { dataset: { runId: string } }).dataset.runId));
    await page.locator('#profile-select').selectOption({ label: 'Ada' });
    await until(page, '#notice', 'Profile opened.');

    // Ada's two runs, none of Bob's: the readable one with its score, the other with its error.
    const shownRuns = await page.locator('#run-list > li').evaluateAll((items) => items.map((item) => (item as unknown as { dataset: { runId: string } }).dataset.runId));
    expect(shownRuns).toHaveLength(2);
    expect(shownRuns.filter((id) => bobRuns.includes(id))).toEqual([]);
    expect(await page.locator('#run-list .score').count()).toBe(1);
    expect(await page.locator('#run-list .run-error .error-code').allTextContents()).toEqual([expect.stringMatching(/^\([a-z_]+\)$/)]);
    expect(await page.locator('#error').isVisible()).toBe(false);
    expect(problems).toEqual([]);
  }, 90000);
});

/** The little of the DOM that `until` reads. */
interface PageDocument {
  querySelector(selector: string): { hidden: boolean; textContent: string | null } | null;
}

/**
 * Waits until `selector` matches (with exactly `text`, when given). An error shown by the page
 * fails at once with its text instead of waiting for the timeout.
 */
async function until(page: Page, selector: string, text?: string): Promise<void> {
  const handle = await page.waitForFunction(
    ([wanted, wantedText]) => {
      // Runs in the page; this project's types describe Node, not the DOM.
      const { document } = globalThis as unknown as { document: PageDocument };
      const box = document.querySelector('#error');
      if (box && !box.hidden) return `error: ${box.textContent}`;
      const found = document.querySelector(wanted);
      return found !== null && (wantedText === undefined || found.textContent === wantedText) ? 'ok' : false;
    },
    [selector, text] as const,
    { timeout: 30000 },
  );
  const outcome = await handle.jsonValue();
  if (outcome !== 'ok') throw new Error(`the page shows ${String(outcome)}`);
}
