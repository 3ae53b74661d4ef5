import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { PageDriver, until, useHostAndBrowser } from './browser';

/** The newest audio file of the only profile of a data folder. */
function newestAudio(dataDir: string): Buffer {
  const [profileId] = readdirSync(path.join(dataDir, 'profiles'));
  const folder = path.join(dataDir, 'profiles', String(profileId), 'artifacts', 'audio');
  const [newest] = readdirSync(folder)
    .map((name) => path.join(folder, name))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  return readFileSync(String(newest));
}

/**
 * A talk defined and outlined, then rehearsed into the microphone: Chromium's fake device plays
 * a beep, which the page records at 16 kHz and stores as the app's WAV through the one-unit save.
 */
describe('the page in Chromium: a talk defined, outlined and rehearsed into the microphone', () => {
  const launched = useHostAndBrowser();

  it('defines the talk, saves and exports its outline, records a take and stores it as 16 kHz mono 16-bit', async () => {
    const driver = await PageDriver.open(launched);
    const { page } = driver;
    await driver.createProfile('Ada');
    await driver.createTalk('Local-first apps');

    // Define it: audience, goal, duration, stage.
    await page.getByRole('button', { name: 'Define', exact: true }).click();
    await page.getByLabel('Audience').fill('Backend developers');
    await page.getByLabel('Goal').fill('Pick SQLite for the next tool');
    await page.getByLabel('Target duration (minutes)').fill('20');
    await page.getByLabel('Stage', { exact: true }).fill('rehearsal');
    await driver.confirm('Save the talk', 'Talk saved.');
    expect(await page.locator('.card.current').textContent()).toContain('Stage: rehearsal');

    // Its outline, saved and exported.
    await page.getByLabel('Outline (Markdown)').fill('# Local-first apps\n\n1. The problem\n2. SQLite\n3. Demo');
    await driver.confirm('Save the outline', 'Outline saved.');
    await driver.confirm('Export the outline', 'Outline exported.');
    const exported = /Written to (.+)$/.exec((await page.locator('.exported').textContent()) ?? '')?.[1] ?? '';
    expect(readFileSync(exported, 'utf8')).toContain('2. SQLite');
    await driver.shot('talk-defined');

    // A take from the microphone.
    await driver.screen('Rehearse');
    await driver.confirm('Record from the microphone', 'Recording started.');
    await page.locator('.recording').waitFor();
    await page.waitForTimeout(1500);
    await driver.confirm('Stop recording', 'Recording stopped.');
    const recorded = Number(/Recorded: ([\d.]+) s/.exec((await page.locator('.recorded').textContent()) ?? '')?.[1]);
    expect(recorded).toBeGreaterThan(0.8);
    // With a recording, the pace is measured: no estimate is announced.
    expect(await page.locator('.estimate').count()).toBe(0);
    await driver.shot('rehearse-recorded');
    await page.getByLabel('What you said').fill('Hello everyone. Local-first means your data stays on your machine, and SQLite makes it easy.');
    await driver.confirm('Add run and get feedback', 'Run saved and analysed.');
    await until(page, '#run-list > li:nth-child(1) .score');

    const wav = newestAudio(launched.dataDir());
    const view = new DataView(wav.buffer, wav.byteOffset, wav.byteLength);
    expect({ format: view.getUint16(20, true), channels: view.getUint16(22, true), rate: view.getUint32(24, true), bits: view.getUint16(34, true) }).toEqual({
      format: 1,
      channels: 1,
      rate: 16000,
      bits: 16,
    });
    const samples = (wav.length - 44) / 2;
    expect(Math.abs(samples / 16000 - recorded)).toBeLessThan(0.2);
    // The fake device's beep, not silence.
    let loudest = 0;
    for (let i = 0; i < samples; i++) loudest = Math.max(loudest, Math.abs(view.getInt16(44 + i * 2, true)));
    expect(loudest).toBeGreaterThan(1000);

    // A take belongs to the profile it was recorded for: opening another one drops it, so it
    // cannot be saved there.
    await driver.createProfile('Bob');
    await driver.createTalk('Bob talk');
    await page.getByLabel('Active profile').selectOption({ label: 'Ada' });
    await driver.idle();
    await driver.screen('Rehearse');
    await driver.confirm('Record from the microphone', 'Recording started.');
    await page.waitForTimeout(300);
    await driver.confirm('Stop recording', 'Recording stopped.');
    expect(await page.locator('.recorded').count()).toBe(1);
    await page.getByLabel('Active profile').selectOption({ label: 'Bob' });
    await driver.idle();
    expect(await page.getByLabel('What you said').count()).toBe(1);
    expect(await page.locator('.recorded').count()).toBe(0);
    expect(driver.problems).toEqual([]);
  }, 120000);
});
