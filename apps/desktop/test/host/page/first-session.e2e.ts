import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sentenceOf } from '../../../src/errors/error-sentence';
import { createCommandHost } from '../../../src/runtime/command-host';
import { samplesIn, WAV_SAMPLE_RATE_HZ, wavBytes } from '../../support/wav-bytes';
import { PageDriver, until, useHostAndBrowser } from './browser';

/** Two seconds of a 440 Hz tone in the app's WAV format: the recording the person picks. */
const PICKED_WAV = wavBytes({ samples: samplesIn(2000), sample: (i) => Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / WAV_SAMPLE_RATE_HZ)) });
const SAID = 'Hello everyone. Today, um, I will show you why SQLite is a great fit for local apps. It is fast, it is simple, and your data stays with you.';

/**
 * A person's first session, through the page in headless Chromium against `npm start`'s own
 * launcher: a profile, a talk, runs with what they said, their feedback on screen; then the
 * host stops and a fresh command host finds all of it in the SQLite files.
 */
describe('the page in Chromium: a first session', () => {
  const launched = useHostAndBrowser();

  it('creates a profile, a talk and runs, shows their feedback, and stores it all', async () => {
    const driver = await PageDriver.open(launched);
    const { page, origin } = driver;
    // The token leaves the address bar as soon as the page has read it.
    expect(page.url()).not.toContain('token');
    expect(page.url().startsWith(`${origin}/`)).toBe(true);

    await driver.createProfile('Ada');
    expect(await page.getByLabel('Active profile').locator('option:checked').textContent()).toBe('Ada');
    await driver.shot('profiles');
    await driver.createTalk('Why SQLite');
    expect(await page.getByLabel('Current talk').locator('option:checked').textContent()).toBe('#1 · Why SQLite');
    await driver.shot('talks');

    await driver.screen('Rehearse');
    await driver.shot('rehearse');
    await driver.rehearse(SAID, 1);
    expect(await page.locator('#run-list .score').textContent()).toMatch(/^score \d{1,3}\/100$/);

    // A second run with a recording the person picked: those bytes are what gets stored.
    await driver.screen('Rehearse');
    await page.getByLabel('What you said').fill('A shorter second take.');
    await page.getByLabel(/^Or pick a WAV file/).setInputFiles({ name: 'take.wav', mimeType: 'audio/wav', buffer: PICKED_WAV });
    await driver.confirm('Add run and get feedback', 'Run saved and analysed.');
    await until(page, '#run-list > li:nth-child(2) .score');
    const shown = await page.locator('#run-list .score').allTextContents();
    expect(shown).toEqual([expect.stringMatching(/^score \d{1,3}\/100$/), expect.stringMatching(/^score \d{1,3}\/100$/)]);
    // Newest first: the picked recording's pace is measured; the typed run's was made up from
    // its text, and the list says so.
    const [pickedRun, typedRun] = await page.locator('#run-list > li').allTextContents();
    expect(pickedRun).toMatch(/ · \d+ words\/min · /);
    expect(pickedRun).not.toContain('estimated');
    expect(typedRun).toMatch(/ · about \d+ words\/min \(estimated: no recording\) · /);
    await driver.shot('runs');

    // Text of white space only passes the field's `required` but is refused before anything is
    // sent: no run without words is left behind.
    await driver.screen('Rehearse');
    await page.getByLabel('What you said').fill(' \u00a0 \t ');
    await page.getByRole('button', { name: 'Add run and get feedback' }).click();
    await page.locator('#error').waitFor({ state: 'visible' });
    expect(await page.locator('#error').textContent()).toBe(`${sentenceOf('transcript_empty').en} (transcript_empty)`);
    await driver.screen('Runs and feedback');
    await driver.idle();
    expect(await page.locator('#run-list > li').count()).toBe(2);

    // A refused command is shown as what happened and what to do, in English by default, with
    // its code once; choosing French shows it, and every text of the page, in French.
    await driver.screen('Profiles');
    await page.getByLabel('New profile name').fill('Ada');
    await page.getByRole('button', { name: 'Create profile' }).click();
    await page.locator('#error').waitFor({ state: 'visible' });
    const duplicate = sentenceOf('profile_name_exists');
    expect(await page.locator('#error').textContent()).toBe(`${duplicate.en} (profile_name_exists)`);
    await page.getByLabel(/^Language/).selectOption('fr');
    expect(await page.locator('#error').textContent()).toBe(`${duplicate.fr} (profile_name_exists)`);
    expect(await page.locator('#error').getAttribute('lang')).toBe('fr');
    expect(await page.getByRole('navigation').textContent()).toContain('Présentations');
    await page.getByLabel('Thème').selectOption('dark');
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    await driver.shot('profiles-fr-dark');

    // A reload keeps working from the tab's copy of the token and shows the stored runs, in the
    // language chosen.
    await page.reload();
    await driver.idle();
    await page.getByRole('navigation').getByRole('button', { name: 'Essais et retours', exact: true }).click();
    await until(page, '#run-list > li:nth-child(2) .score');
    expect(await page.getByLabel(/^Language/).inputValue()).toBe('fr');

    // Another browser, with the printed address: the language comes from the stored preference.
    const other = await PageDriver.open(launched);
    expect(await other.page.getByLabel(/^Language/).inputValue()).toBe('fr');

    // Without the token (a new tab context, the bare address) the page says what to open.
    const bare = await (await launched.browser().newContext()).newPage();
    await bare.goto(`${origin}/`);
    await bare.locator('#error').waitFor({ state: 'visible' });
    expect(await bare.locator('#error').textContent()).toBe(`${sentenceOf('HOST_NO_TOKEN').en} (HOST_NO_TOKEN)`);

    expect([...driver.problems, ...other.problems]).toEqual([]);
    await launched.browser().close();
    expect(await launched.host().stop()).toBe(0);

    const reader = createCommandHost({ dataDir: launched.dataDir() });
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
      expect(readFileSync(path.join(launched.dataDir(), 'profiles', String(profileId), 'artifacts', 'audio', `${picked?.audio_artifact_id}.wav`))).toEqual(PICKED_WAV);
      expect(run).toMatchObject({ audio_artifact_id: expect.any(String), transcript_id: expect.any(String), feedback_id: expect.any(String) });
      const scores = [];
      for (const stored of [picked, run]) scores.push(`score ${(await ok<{ overall_score: number }>('feedback_get', { profileId, feedbackId: stored?.feedback_id })).overall_score}/100`);
      expect(scores).toEqual(shown);
      const transcript = await ok<{ segments: { text: string }[] }>('transcript_get', { profileId, transcriptId: run?.transcript_id });
      expect(transcript.segments.map((segment) => segment.text).join(' ')).toContain('SQLite is a great fit');
    } finally {
      await reader.close();
    }
  }, 120000);
});
