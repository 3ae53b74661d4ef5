import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PageDriver, until, useHostAndBrowser } from './browser';

const FIRST = 'Um, hello everyone. Uh, today I will, like, basically show you why SQLite is, um, a great fit for local apps, you know. It is, like, fast and simple.';
const SECOND = 'A second take. SQLite keeps the data of local apps with you, and SQLite needs no server at all.';
const NOTE = 'Slow down before the demo.';

interface Quest {
  code: string;
  title: string;
  output_type: string;
}

/** Calls the host's router from the page, with the tab's token, as the page itself does. */
async function ipc<T>(driver: PageDriver, command: string, payload: unknown): Promise<T> {
  const answer = await driver.page.evaluate(
    async ([name, body]) => {
      // Runs in the page; this project's types describe Node, not the DOM.
      const { sessionStorage } = globalThis as unknown as { sessionStorage: { getItem(key: string): string | null } };
      const response = await fetch(`/ipc/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${sessionStorage.getItem('lepupitre.token')}` },
        body: JSON.stringify(body),
      });
      return (await response.json()) as { ok: boolean; data?: unknown; error?: { code: string } };
    },
    [command, payload] as const,
  );
  if (!answer.ok) throw new Error(`${command}: ${answer.error?.code}`);
  return answer.data as T;
}

/**
 * A talk's feedback through the page: a run's whole feedback (score, actions, recommended
 * quests, every metric with its unit) and a note kept across a reload, the chart of the
 * scores, the timeline of runs and quest attempts with its filters, all of it in French, and
 * an unreadable feedback shown as its own error while the others still show.
 */
describe('the page in Chromium: feedback, chart and timeline', () => {
  const launched = useHostAndBrowser();

  it('shows a feedback whole, keeps its note, charts the scores and lists the timeline', async () => {
    const driver = await PageDriver.open(launched);
    const { page } = driver;

    await driver.createProfile('Ada');
    await driver.createTalk('Why SQLite');
    await driver.rehearse(FIRST, 1);
    await driver.rehearse(SECOND, 2);

    const [profile] = await ipc<{ id: string }[]>(driver, 'profile_list', {});
    const profileId = profile?.id;
    const [talk] = await ipc<{ id: string }[]>(driver, 'project_list', { profileId });
    const projectId = talk?.id;
    const runs = await ipc<{ id: string; created_at: string; feedback_id: string }[]>(driver, 'run_list', { profileId, projectId });
    const oldestFirst = [...runs].sort((a, b) => (a.created_at < b.created_at ? -1 : 1));
    const feedbacks = [];
    for (const run of oldestFirst) feedbacks.push(await ipc<{ overall_score: number; top_actions: { title: string; why_it_matters: string; how_to_fix: string; target_quest_codes: string[] }[] }>(driver, 'feedback_get', { profileId, feedbackId: run.feedback_id }));
    const quests = await ipc<Quest[]>(driver, 'quest_list', { profileId });

    // The chart: one point per run, oldest to newest, at the runs' scores.
    const points = page.locator('.score-chart .chart-point');
    expect(await points.count()).toBe(2);
    expect(await points.evaluateAll((circles) => circles.map((circle) => (circle as unknown as { dataset: { runId: string } }).dataset.runId))).toEqual(oldestFirst.map((run) => run.id));
    expect(await points.evaluateAll((circles) => circles.map((circle) => Number((circle as unknown as { dataset: { score: string } }).dataset.score)))).toEqual(feedbacks.map((feedback) => feedback.overall_score));

    // The first run's whole feedback.
    const first = feedbacks[0];
    const firstRun = page.locator(`#run-list > li[data-run-id="${oldestFirst[0]?.id}"]`);
    await firstRun.getByRole('button', { name: 'Feedback', exact: true }).click();
    await until(page, '.feedback-detail .feedback-score', `Overall score: ${first?.overall_score}/100`);
    await driver.idle();
    const [action] = first?.top_actions ?? [];
    expect(action).toBeDefined();
    const shownAction = firstRun.locator('.feedback-action').first();
    expect(await shownAction.locator('strong').textContent()).toBe(action?.title);
    expect(await shownAction.locator('.why').textContent()).toBe(`Why it matters: ${action?.why_it_matters}`);
    expect(await shownAction.locator('.how').textContent()).toBe(`How to fix it: ${action?.how_to_fix}`);
    const [questCode] = action?.target_quest_codes ?? [];
    const questTitle = quests.find((quest) => quest.code === questCode)?.title;
    expect(await shownAction.locator('.quests').textContent()).toContain(`${questCode} · ${questTitle}`);
    expect(await firstRun.locator('.feedback-detail dd').count()).toBe(7);
    // Typed, not recorded: the pace is the estimate made from the text, and says so.
    expect(await firstRun.locator('[data-metric="wpm"] .metric-value').textContent()).toMatch(/^about \d+ words\/min, estimated from the text \(no recording\)$/);
    expect(await firstRun.locator('[data-metric="filler_per_min"] .metric-value').textContent()).toMatch(/^\d+\.\d fillers\/min$/);
    expect(await firstRun.locator('[data-metric="pause_count"] .metric-value').textContent()).toMatch(/^\d+ pauses$/);
    expect(await firstRun.locator('[data-metric="density_score"] .metric-value').textContent()).toMatch(/^\d+\/100$/);
    expect(await firstRun.locator('.feedback-detail dt').allTextContents()).toEqual(['Pace', 'Filler words', 'Pauses', 'Sentence length', 'Repeated terms', 'Jargon', 'Density']);

    // A note, confirmed, still there after a reload.
    await firstRun.getByLabel('Your note on this feedback').fill(NOTE);
    await driver.confirm('Save note', 'Note saved.');
    await driver.idle();
    await driver.shot('feedback');
    await page.reload();
    await driver.idle();
    await until(page, '#run-list > li:nth-child(2) .score');
    await firstRun.getByRole('button', { name: 'Feedback', exact: true }).click();
    await until(page, '.feedback-detail .feedback-score');
    await driver.idle();
    expect(await firstRun.getByLabel('Your note on this feedback').inputValue()).toBe(NOTE);

    // A quest attempt with its feedback, next to the runs in the timeline.
    const quest = quests.find((candidate) => candidate.output_type === 'text') as Quest;
    const attemptId = await ipc<string>(driver, 'quest_submit_text', { profileId, projectId, questCode: quest.code, text: 'Our tool keeps your data on your machine, so it works offline and stays private.' });
    await ipc(driver, 'analyze_attempt', { profileId, attemptId });

    await driver.screen('Timeline');
    await until(page, '#timeline-list > li:nth-child(3)');
    const entries = page.locator('#timeline-list > li');
    const subjects = () => entries.evaluateAll((items) => items.map((item) => (item as unknown as { dataset: { subject: string } }).dataset.subject));
    expect((await subjects()).sort()).toEqual(['quest_attempt', 'run', 'run']);
    expect(await page.locator('#timeline-list .timeline-note').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/^note of /), 'no note']));
    await driver.shot('timeline');

    await page.getByLabel('Show', { exact: true }).selectOption({ label: 'Runs' });
    await driver.idle();
    expect(await subjects()).toEqual(['run', 'run']);
    await page.getByLabel('Show', { exact: true }).selectOption({ label: 'Quest attempts' });
    await driver.idle();
    expect(await subjects()).toEqual(['quest_attempt']);
    expect(await page.locator('#timeline-list .timeline-about').textContent()).toBe(`Quest ${quest.code} · ${quest.title}`);
    await entries.first().getByRole('button', { name: 'Feedback', exact: true }).click();
    await until(page, '#timeline-list .feedback-detail .feedback-score');
    await driver.idle();
    const attemptFeedback = await ipc<{ overall_score: number }>(driver, 'feedback_get', { profileId, feedbackId: await entries.first().getAttribute('data-feedback-id') });
    expect(await page.locator('#timeline-list .feedback-score').textContent()).toBe(`Overall score: ${attemptFeedback.overall_score}/100`);

    await page.getByLabel('Show', { exact: true }).selectOption({ label: 'Runs and quest attempts' });
    await page.getByLabel('How many').fill('1');
    await page.getByLabel('How many').press('Tab');
    await driver.idle();
    expect(await entries.count()).toBe(1);
    await page.getByLabel('How many').fill('30');
    await page.getByLabel('How many').press('Tab');
    await driver.idle();
    expect(await entries.count()).toBe(3);

    // Another talk: "this talk" has nothing yet, "all talks" still shows the first talk's feedback.
    await driver.createTalk('Second talk');
    const current = page.getByLabel('Current talk');
    if ((await current.locator('option:checked').textContent()) !== '#2 · Second talk') {
      await current.selectOption({ label: '#2 · Second talk' });
      await until(page, '#notice', 'Talk opened.');
    }
    await driver.screen('Timeline');
    await until(page, '.timeline-empty');
    await page.getByLabel('Talks', { exact: true }).selectOption({ label: 'All talks' });
    await until(page, '#timeline-list > li:nth-child(3)');
    expect(await page.locator('#timeline-list .timeline-about').allTextContents()).toEqual(expect.arrayContaining(['Run · #1 · Why SQLite']));
    await page.getByLabel('Talks', { exact: true }).selectOption({ label: 'This talk' });
    await until(page, '.timeline-empty');

    // In French, back on the first talk: the screen, the feedback and the deletion of the note.
    await current.selectOption({ label: '#1 · Why SQLite' });
    await until(page, '#notice', 'Talk opened.');
    await page.getByLabel(/^Language/).selectOption('fr');
    await driver.idle();
    expect(await page.getByRole('navigation').textContent()).toContain('Historique');
    expect(await page.locator('#timeline-heading').textContent()).toBe('Historique des retours');
    await until(page, '#timeline-list > li:nth-child(3)');
    expect(await page.locator('#timeline-list .timeline-note').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/^note du /), 'pas de note']));
    await page.getByRole('navigation').getByRole('button', { name: 'Essais et retours', exact: true }).click();
    await until(page, '#run-list > li:nth-child(2) .score');
    expect(await page.locator('.score-chart figcaption').textContent()).toBe('Score au fil des essais');
    await firstRun.getByRole('button', { name: 'Retour', exact: true }).click();
    await until(page, '.feedback-detail .feedback-score', `Score global : ${first?.overall_score}/100`);
    await driver.idle();
    expect(await firstRun.locator('[data-metric="wpm"] .metric-value').textContent()).toMatch(/^environ \d+ mots\/min, estimé à partir du texte \(pas d’enregistrement\)$/);
    expect(await firstRun.locator('.feedback-detail dt').first().textContent()).toBe('Débit');
    await firstRun.getByLabel('Votre note sur ce retour').fill('');
    await page.getByRole('button', { name: 'Enregistrer la note', exact: true }).click();
    await until(page, '#notice', 'Note supprimée.');
    expect(await ipc<string | null>(driver, 'feedback_note_get', { profileId, feedbackId: oldestFirst[0]?.feedback_id })).toBeNull();

    // One feedback file becomes unreadable: its entry shows its own error, the others their feedback.
    const feedbackDir = path.join(launched.dataDir(), 'profiles', String(profileId), 'artifacts', 'feedback');
    const [damaged] = readdirSync(feedbackDir).sort();
    writeFileSync(path.join(feedbackDir, String(damaged)), 'not feedback');
    await page.getByRole('navigation').getByRole('button', { name: 'Historique', exact: true }).click();
    await until(page, '#timeline-list > li:nth-child(3)');
    const outcomes = [];
    for (let index = 0; index < 3; index++) {
      await entries.nth(index).getByRole('button', { name: 'Retour', exact: true }).click();
      await entries.nth(index).locator('.feedback-score, .feedback-error').first().waitFor();
      await driver.idle();
      const error = entries.nth(index).locator('.feedback-error .error-code');
      outcomes.push((await error.count()) === 1 ? await error.textContent() : 'score');
    }
    expect(outcomes.sort()).toEqual([expect.stringMatching(/^\([a-z_]+\)$/), 'score', 'score']);
    expect(await page.locator('#error').count()).toBe(0);

    expect(driver.problems).toEqual([]);
  }, 180000);

  it('keeps a language chosen while the stored one is still being read', async () => {
    const opened = await PageDriver.open(launched);
    await ipc(opened, 'preference_global_set', { key: 'lepupitre_locale', value: 'en' });
    await opened.page.close();

    // A new tab whose stored language (English) is read at once but arrives only after the
    // person has chosen French.
    const printed = await launched.host().url();
    const page = await (await launched.browser().newContext()).newPage();
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/ipc/preference_global_get', async (route) => {
      const response = await route.fetch();
      await held;
      await route.fulfill({ response });
    });
    await page.goto(printed.url);
    await page.locator('header select').first().selectOption('fr');
    release();
    await until(page, '#status', '');
    expect(await page.getByRole('navigation').getByRole('button').first().textContent()).toBe('Profils');
    // And it is what the app keeps.
    const reopened = await PageDriver.open(launched);
    expect(await ipc<string>(reopened, 'preference_global_get', { key: 'lepupitre_locale' })).toBe('fr');
    expect(await reopened.page.getByRole('navigation').getByRole('button').first().textContent()).toBe('Profils');
    expect(reopened.problems).toEqual([]);
  }, 60000);
});
