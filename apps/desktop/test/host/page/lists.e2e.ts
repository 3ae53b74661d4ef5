import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PageDriver, until, useHostAndBrowser } from './browser';

const runIds = (driver: PageDriver): Promise<string[]> =>
  driver.page.locator('#run-list > li').evaluateAll((items) => items.map((item) => (item as unknown as { dataset: { runId: string } }).dataset.runId));

/**
 * What the page must get right around the happy path: every change confirmed, talks of one
 * title told apart by their number, and a run list that belongs to the open profile and talk
 * even when one run's feedback cannot be read.
 */
describe('the page in Chromium: lists and confirmations', () => {
  const launched = useHostAndBrowser();

  it("confirms each change, numbers talks, and shows one unreadable feedback as that run's error only", async () => {
    const driver = await PageDriver.open(launched);
    const { page } = driver;

    await driver.createProfile('Ada');
    await driver.createTalk('Demo');
    await driver.createTalk('Demo');
    expect(await page.locator('.talk-label').allTextContents()).toEqual(expect.arrayContaining(['#1 · Demo', '#2 · Demo']));
    await driver.rehearse('Hello everyone, today we look at SQLite and why it is a good fit.', 1);
    await driver.rehearse('A second take, shorter.', 2);

    // One of Ada's feedback files becomes unreadable.
    const profiles = path.join(launched.dataDir(), 'profiles');
    const [adaId] = readdirSync(profiles);
    const feedbackDir = path.join(profiles, String(adaId), 'artifacts', 'feedback');
    const [damaged] = readdirSync(feedbackDir).sort();
    writeFileSync(path.join(feedbackDir, String(damaged)), 'not feedback');

    // Bob, a talk and a run of his; then back to Ada from the header.
    await driver.createProfile('Bob');
    await driver.createTalk('Bob talk');
    await driver.rehearse('Bob says hello to everyone here today.', 1);
    const bobRuns = await runIds(driver);
    await page.getByLabel('Active profile').selectOption({ label: 'Ada' });
    await until(page, '#notice', 'Profile opened.');
    await driver.idle();

    // Ada's two runs, none of Bob's: the readable one with its score, the other with its error.
    const shown = await runIds(driver);
    expect(shown).toHaveLength(2);
    expect(shown.filter((id) => bobRuns.includes(id))).toEqual([]);
    expect(await page.locator('#run-list .score').count()).toBe(1);
    expect(await page.locator('#run-list .run-error .error-code').allTextContents()).toEqual([expect.stringMatching(/^\([a-z_]+\)$/)]);
    expect(await page.locator('#error').count()).toBe(0);

    // Renaming and deleting a profile are confirmed, and the list follows.
    await driver.screen('Profiles');
    await page.locator('li', { hasText: 'Bob' }).getByRole('button', { name: 'Rename' }).click();
    await page.getByLabel('New name for Bob').fill('Robert');
    await driver.confirm('Save name', 'Profile renamed.');
    expect(await page.locator('.profile-name').allTextContents()).toEqual(['Ada', 'Robert']);
    await page.locator('li', { hasText: 'Robert' }).getByRole('button', { name: 'Delete' }).click();
    await driver.confirm('Delete Robert for good', 'Profile deleted.');
    expect(await page.locator('.profile-name').allTextContents()).toEqual(['Ada']);
    expect(driver.problems).toEqual([]);
  }, 120000);
});
