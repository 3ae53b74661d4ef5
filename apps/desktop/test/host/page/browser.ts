import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { LaunchedHost } from '../launched-host';
import { SERVER_ENV } from './chromium-settings.cjs';

/**
 * The one Chromium of the browser tests, started by their global setup (`e2e-global-setup.cjs`)
 * and shared by every file: each connects to it and gets browser contexts of its own.
 */
async function sharedBrowser(): Promise<Browser> {
  const endpoint = process.env[SERVER_ENV];
  if (!endpoint) throw new Error('no shared Chromium: run the browser tests through apps/desktop/test/host/jest.e2e.config.cjs (npx nx run desktop:e2e)');
  return chromium.connect(endpoint);
}

/** Where the browser tests write their screenshots (not committed; docs/screenshots keeps a few). */
export const SCREENSHOT_DIR = path.join(__dirname, '..', '..', '..', 'test-output', 'screenshots');

export interface HostAndBrowser {
  root(): string;
  dataDir(): string;
  host(): LaunchedHost;
  browser(): Browser;
}

/**
 * The app host launched as `npm start` launches it (the built app) on a new data folder, and a
 * headless Chromium, for the tests of one describe block; both stopped and the folder removed
 * after.
 */
export function useHostAndBrowser(): HostAndBrowser {
  let root: string;
  let host: LaunchedHost;
  let browser: Browser;
  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'lepupitre-e2e-'));
    host = LaunchedHost.start(path.join(root, 'data'), root);
    browser = await sharedBrowser();
  }, 60000);
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    if (root) rmSync(root, { recursive: true, force: true });
  });
  return { root: () => root, dataDir: () => path.join(root, 'data'), host: () => host, browser: () => browser };
}

/**
 * A tab on the page, watching for what must never happen: a console error, an uncaught
 * exception, a request to anywhere but the host.
 */
export class PageDriver {
  readonly problems: string[] = [];

  private constructor(
    readonly page: Page,
    readonly origin: string,
  ) {
    page.on('console', (message) => void (message.type() === 'error' && this.problems.push(`console: ${message.text()}`)));
    page.on('pageerror', (error) => this.problems.push(`page error: ${error.message}`));
    // A `blob:` URL of the host's origin names bytes the page already holds (a memo played back):
    // reading it never leaves the browser.
    const local = (url: string) => url.startsWith(`${origin}/`) || url.startsWith(`blob:${origin}/`);
    page.on('request', (request) => void (local(request.url()) || this.problems.push(`off-host request: ${request.url()}`)));
  }

  static async open(launched: HostAndBrowser, url?: string): Promise<PageDriver> {
    const printed = await launched.host().url();
    const origin = `http://127.0.0.1:${printed.port}`;
    const page = await (await launched.browser().newContext()).newPage();
    const driver = new PageDriver(page, origin);
    await page.goto(url ?? printed.url);
    await driver.idle();
    return driver;
  }

  /** Waits until no action runs; fails at once with the page's error if one shows. */
  async idle(): Promise<void> {
    await until(this.page, '#status', '');
  }

  async screen(name: string): Promise<void> {
    await this.page.getByRole('navigation').getByRole('button', { name, exact: true }).click();
  }

  /** Clicks `button` and waits for the confirmation `notice`. */
  async confirm(button: string, notice: string): Promise<void> {
    await this.page.getByRole('button', { name: button, exact: true }).click();
    await until(this.page, '#notice', notice);
  }

  async createProfile(name: string): Promise<void> {
    await this.screen('Profiles');
    await this.page.getByLabel('New profile name').fill(name);
    await this.confirm('Create profile', 'Profile created.');
  }

  async createTalk(title: string): Promise<void> {
    await this.screen('Talks');
    await this.page.getByLabel('New talk title').fill(title);
    await this.confirm('Create talk', 'Talk created.');
  }

  /** Saves a rehearsal from the Rehearse screen; the page then shows the runs. */
  async rehearse(said: string, runsAfter: number): Promise<void> {
    await this.screen('Rehearse');
    await this.page.getByLabel('What you said').fill(said);
    await this.confirm('Add run and get feedback', 'Run saved and analysed.');
    await until(this.page, `#run-list > li:nth-child(${runsAfter}) .score`);
  }

  async shot(name: string): Promise<void> {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await this.page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
  }
}

/** The little of the DOM that `until` reads. */
interface PageDocument {
  querySelector(selector: string): { textContent: string | null } | null;
}

/**
 * Waits until `selector` matches (with exactly `text`, when given). An error shown by the page
 * fails at once with its text instead of waiting for the timeout.
 */
export async function until(page: Page, selector: string, text?: string): Promise<void> {
  const handle = await page.waitForFunction(
    ([wanted, wantedText]) => {
      // Runs in the page; this project's types describe Node, not the DOM.
      const { document } = globalThis as unknown as { document: PageDocument };
      const box = document.querySelector('#error');
      if (box) return `error: ${box.textContent}`;
      const found = document.querySelector(wanted);
      return found !== null && (wantedText === undefined || found.textContent === wantedText) ? 'ok' : false;
    },
    [selector, text] as const,
    { timeout: 30000 },
  );
  const outcome = await handle.jsonValue();
  if (outcome !== 'ok') throw new Error(`waiting for ${selector}${text === undefined ? '' : ` = ${JSON.stringify(text)}`}, the page showed ${String(outcome)}`);
}
