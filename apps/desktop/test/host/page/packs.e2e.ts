import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readZip, withReview } from '../../support/media-fixtures';
import { wavBytes } from '../../support/wav-bytes';
import { PageDriver, until, useHostAndBrowser } from './browser';

/** Calls the host from the page itself, with the token the page holds (same origin, as the page does). */
async function ipc(driver: PageDriver, command: string, payload: unknown): Promise<unknown> {
  return driver.page.evaluate(
    async ([name, body]) => {
      const { sessionStorage, fetch } = globalThis as unknown as {
        sessionStorage: { getItem(key: string): string | null };
        fetch: (url: string, init: unknown) => Promise<{ json(): Promise<{ ok: boolean; data?: unknown }> }>;
      };
      const token = sessionStorage.getItem('lepupitre.token') ?? '';
      const response = await fetch(`/ipc/${name}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
      return (await response.json()).data;
    },
    [command, payload] as const,
  );
}

/**
 * Review packs and voice memos from the browser, which has no file path to give the host: a run
 * exported and downloaded as a zip, a filled review picked as a file and imported, read back;
 * memos recorded from the fake microphone and from a WAV file, one bad entry shown on its own,
 * a memo deleted after its confirmation.
 */
describe('the page in Chromium: packs and voice memos', () => {
  const launched = useHostAndBrowser();

  it('downloads a pack, imports its filled review and shows it; keeps, lists and deletes memos', async () => {
    const driver = await PageDriver.open(launched);
    const { page } = driver;
    await driver.createProfile('Ada');
    await driver.createTalk('Caching');
    await driver.rehearse('Hello everyone, today we look at caches and why they go stale.', 1);

    // Export and download: the bytes are a zip with the pack's manifest.
    await driver.screen('Packs');
    await driver.idle();
    await page.locator('#pack-runs li').first().getByRole('button', { name: 'Export', exact: true }).click();
    await until(page, '#notice', 'Pack exported. Download it below.');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#pack-download').click()]);
    expect(download.suggestedFilename()).toMatch(/^pack_[0-9a-f]{32}\.zip$/);
    const packPath = path.join(launched.root(), 'downloaded.zip');
    await download.saveAs(packPath);
    const entries = readZip(readFileSync(packPath));
    const manifest = JSON.parse(entries.find((entry) => entry.name === 'manifest.json')?.data.toString('utf8') ?? '{}') as { pack_id: string };
    expect(`${manifest.pack_id}.zip`).toBe(download.suggestedFilename());
    expect(entries.map((entry) => entry.name)).toEqual(expect.arrayContaining(['run/audio.wav', 'run/transcript.json', 'review/review_template.json']));
    expect(await page.locator('.review-empty').count()).toBe(1);

    // The reviewer sends it back filled; imported from the picked file, read in its own talk.
    const filled = withReview(packPath, path.join(launched.root(), 'filled.zip'));
    await page.getByLabel('Pack returned by the reviewer (.zip)').setInputFiles(filled);
    await driver.confirm('Import review', 'Review imported into its own talk.');
    await driver.confirm('Open the review’s talk', 'Talk opened.');
    await driver.idle();
    await until(page, '#review-list li .reviewer', 'Alice');
    await page.locator('#review-list li').first().getByRole('button', { name: 'View', exact: true }).click();
    await until(page, '.review-detail');
    const detail = await page.locator('.review-detail').textContent();
    expect(detail).toContain('clarity');
    expect(detail).toContain('Clear demo');
    expect(detail).toContain('0:01 · nice hook');
    await driver.shot('packs');

    // Memos: one from the microphone, one from a file.
    await driver.screen('Voice memos');
    await driver.idle();
    expect(await page.locator('.memo-empty').count()).toBe(1);
    await page.getByLabel('Memo name (optional)').fill('Opening line');
    await driver.confirm('Record a memo', 'Recording. Stop to keep the memo.');
    await page.waitForTimeout(600);
    await driver.confirm('Stop and keep', 'Memo kept.');
    const wav = path.join(launched.root(), 'memo.wav');
    writeFileSync(wav, wavBytes({ samples: 8000 }));
    await page.getByLabel('Or keep a WAV file as a memo').setInputFiles(wav);
    await driver.confirm('Keep the file', 'Memo kept.');
    await driver.idle();
    expect(await page.locator('#memo-list .memo-name').allTextContents()).toEqual(['Opening line', 'Memo']);

    // Played back from its bytes (`audio_read_wav`): the WAV kept from the file, half a second.
    const fileMemo = page.locator('#memo-list > li').nth(1);
    await fileMemo.getByRole('button', { name: 'Play', exact: true }).click();
    const player = fileMemo.locator('audio.memo-audio');
    await player.waitFor();
    expect(await player.getAttribute('src')).toMatch(/^blob:http:\/\/127\.0\.0\.1:/);
    let duration = Number.NaN;
    for (let tries = 0; tries < 100 && !(duration > 0); tries += 1) {
      duration = await player.evaluate((element) => (element as unknown as { duration: number }).duration);
      if (!(duration > 0)) await page.waitForTimeout(50);
    }
    expect(duration).toBeCloseTo(0.5, 2);

    // One entry the page cannot read shows its own error; the others still show.
    const profileId = (await page.getByLabel('Active profile').inputValue()) || '';
    const stored = (await ipc(driver, 'preference_profile_get', { profileId, key: 'page.voice_memos' })) as string;
    await ipc(driver, 'preference_profile_set', { profileId, key: 'page.voice_memos', value: JSON.stringify([...(JSON.parse(stored) as unknown[]), 42]) });
    await driver.screen('Packs');
    await driver.idle();
    await driver.screen('Voice memos');
    await until(page, '#memo-list .memo-error');
    expect(await page.locator('#memo-list .memo-name').allTextContents()).toEqual(['Opening line', 'Memo']);
    expect(await page.locator('#memo-list .memo-error .error-code').allTextContents()).toEqual(['(PAGE_MEMO_UNREADABLE)']);
    await driver.shot('memos');

    // Delete, confirmed: the audio goes with the entry.
    const memo = page.locator('#memo-list li', { hasText: 'Opening line' });
    await memo.getByRole('button', { name: 'Delete', exact: true }).click();
    await driver.confirm('Yes, delete', 'Memo deleted.');
    await driver.idle();
    expect(await page.locator('#memo-list .memo-name').allTextContents()).toEqual(['Memo']);

    // A list whose stored value cannot take one more entry (32 KiB): the memo is refused and its
    // audio is not left behind in the profile.
    const audioFiles = () => readdirSync(path.join(launched.dataDir(), 'profiles', profileId, 'artifacts', 'audio')).sort();
    const before = audioFiles();
    const full = [{ artifactId: 'art_0', path: '/nowhere.wav', durationMs: 1, createdAt: '2026-01-01T00:00:00Z', label: 'x'.repeat(32_600) }];
    await ipc(driver, 'preference_profile_set', { profileId, key: 'page.voice_memos', value: JSON.stringify(full) });
    await page.getByLabel('Or keep a WAV file as a memo').setInputFiles(wav);
    await page.getByRole('button', { name: 'Keep the file', exact: true }).click();
    await page.locator('#error').waitFor({ state: 'visible' });
    expect(await page.locator('#error .error-code').textContent()).toBe('(preference_value_too_large)');
    expect(audioFiles()).toEqual(before);
    expect(driver.problems).toEqual([]);
  }, 120000);
});
