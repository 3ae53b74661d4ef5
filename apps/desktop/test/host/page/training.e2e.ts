import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sentenceOf } from '../../../src/errors/error-sentence';
import { PageDriver, until, useHostAndBrowser } from './browser';

const ANSWER = 'By the end of this talk, you will know when SQLite is the right database for a local app, and you will try it on your own project this week.';

/**
 * Training through the page in headless Chromium: the coach, the progress and the daily quest of
 * a new talk; a written answer with its feedback at once, then in the attempts and the report;
 * a spoken answer from the (fake) microphone; a blank answer refused before anything is written;
 * an unreadable feedback shown as that attempt's error only; every text in French too.
 */
describe('the page in Chromium: training', () => {
  const launched = useHostAndBrowser();

  it('shows the daily quest and progress, takes text and audio attempts with their feedback, refuses a blank one, and isolates an unreadable feedback', async () => {
    const driver = await PageDriver.open(launched);
    const { page } = driver;
    await driver.createProfile('Ada');
    await driver.createTalk('Why SQLite');

    await driver.screen('Training');
    await until(page, '#daily-quest .daily-title', 'Goal Sentence');
    expect(await page.locator('#training-heading').textContent()).toBe('Training for #1 · Why SQLite');
    expect(await page.locator('#training-progress .progress-attempts').textContent()).toBe('Attempts: 0 (0 with feedback)');
    expect(await page.locator('.mascot-title').textContent()).toBe('Start your first rep today');
    expect(await page.locator('#quest-list > li').count()).toBe(3);
    expect(await page.locator('.attempt-empty').count()).toBe(1);

    // The coach's link opens the quest it names: the free quest, answered aloud.
    await page.getByRole('button', { name: 'Start a quest', exact: true }).click();
    expect(await page.locator('#attempt-heading').textContent()).toBe('Quest: Quête libre');
    expect(await page.getByRole('button', { name: 'Submit the recording and get feedback' }).isDisabled()).toBe(true);

    // A blank written answer passes the field's `required` but is refused before anything is sent.
    await page.getByRole('button', { name: 'Do the quest of the day', exact: true }).click();
    expect(await page.locator('#attempt-heading').textContent()).toBe('Quest: Goal Sentence');
    await page.getByLabel('Your answer').fill(' \u00a0 \t ');
    await page.getByRole('button', { name: 'Submit and get feedback', exact: true }).click();
    await page.locator('#error').waitFor({ state: 'visible' });
    expect(await page.locator('#error').textContent()).toBe(`${sentenceOf('attempt_missing_text').en} (attempt_missing_text)`);
    // Nothing was written: the attempts, loaded again, are still none.
    await driver.screen('Talks');
    await driver.screen('Training');
    await until(page, '#training-progress .progress-attempts', 'Attempts: 0 (0 with feedback)');
    expect(await page.locator('.attempt-empty').count()).toBe(1);

    // A written answer: its feedback at once, then in the attempts, the report and the progress.
    await page.getByRole('button', { name: 'Do the quest of the day', exact: true }).click();
    await page.getByLabel('Your answer').fill(ANSWER);
    await driver.confirm('Submit and get feedback', 'Attempt saved and analysed.');
    await driver.idle();
    expect(await page.locator('.attempt-feedback .score').textContent()).toMatch(/^score \d{1,3}\/100$/);
    const actions = await page.locator('.attempt-feedback .action').count();
    expect(await page.locator('.attempt-feedback .action p').count()).toBe(actions * 2);
    await until(page, '#attempt-list > li .score');
    expect(await page.locator('#attempt-list .attempt-quest').allTextContents()).toEqual(['Goal Sentence']);
    expect(await page.locator('#attempt-list .score').textContent()).toBe(await page.locator('.attempt-feedback .score').textContent());
    expect(await page.locator('#quest-report tr[data-quest-code="A01"] .report-feedback').textContent()).toBe('feedback ready');
    expect(await page.locator('#quest-report tr[data-quest-code="D01"] .report-latest').textContent()).toBe('not tried yet');
    expect(await page.locator('#training-progress .progress-attempts').textContent()).toBe('Attempts: 1 (1 with feedback)');
    await driver.shot('training');

    // A spoken answer to the free quest, from Chromium's fake microphone, with what was said typed.
    await page.getByRole('button', { name: 'Choose Quête libre', exact: true }).click();
    await driver.confirm('Record from the microphone', 'Recording started.');
    await page.waitForTimeout(1200);
    await driver.confirm('Stop recording', 'Recording stopped.');
    await page.getByLabel('What you said').fill('Hello, this is my free quest, about local apps and SQLite.');
    await driver.confirm('Submit the recording and get feedback', 'Attempt saved and analysed.');
    await driver.idle();
    await until(page, '#attempt-list > li:nth-child(2) .score');
    expect(await page.locator('#attempt-list .attempt-quest').allTextContents()).toEqual(['Quête libre', 'Goal Sentence']);
    expect(await page.locator('#quest-report tr[data-quest-code="FREE"] .report-feedback').textContent()).toBe('feedback ready');
    expect(await page.locator('#training-progress .progress-attempts').textContent()).toBe('Attempts: 2 (2 with feedback)');

    // One feedback file becomes unreadable: that attempt shows its own error, the other its score.
    const profiles = path.join(launched.dataDir(), 'profiles');
    const [adaId] = readdirSync(profiles);
    const feedbackDir = path.join(profiles, String(adaId), 'artifacts', 'feedback');
    const [damaged] = readdirSync(feedbackDir).sort();
    writeFileSync(path.join(feedbackDir, String(damaged)), 'not feedback');
    await driver.screen('Talks');
    await driver.screen('Training');
    await until(page, '#attempt-list > li:nth-child(2)');
    expect(await page.locator('#attempt-list .score').count()).toBe(1);
    expect(await page.locator('#attempt-list .attempt-error .error-code').allTextContents()).toEqual([expect.stringMatching(/^\([a-z_]+\)$/)]);
    expect(await page.locator('#daily-quest .daily-title').textContent()).toBe('Goal Sentence');
    expect(await page.locator('#error').count()).toBe(0);

    // French: the screen's texts, and the coach's message asked in French.
    await page.getByLabel(/^Language/).selectOption('fr');
    await driver.idle();
    expect(await page.getByRole('navigation').getByRole('button', { name: 'Entraînement', exact: true }).count()).toBe(1);
    expect(await page.locator('#training-heading').textContent()).toBe('Entraînement pour #1 · Why SQLite');
    expect(await page.locator('#training-progress .progress-attempts').textContent()).toBe('Tentatives : 2 (2 avec retour)');
    expect(await page.locator('#daily-heading').textContent()).toBe('Quête du jour');
    expect(await page.locator('#quest-report tr[data-quest-code="D01"] .report-latest').textContent()).toBe('pas encore tentée');
    await until(page, '.mascot-title', 'Feedback pret');
    await driver.shot('training-fr');

    expect(driver.problems).toEqual([]);
  }, 120000);
});
