import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PAGE_SENTENCES_PATH, pageSentencesModule } from './page-sentences';

/**
 * The page's policy: everything from this origin only, no inline script or style, no plugins,
 * no framing, no form posts elsewhere. The page loads nothing from the network beyond this server.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'Cross-Origin-Opener-Policy': 'same-origin',
};

export interface PageAsset {
  readonly contentType: string;
  readonly body: Buffer;
}

/** URL path → file of `page/`. A fixed list: no request path ever reaches the file system. */
const ASSETS: Readonly<Record<string, readonly [file: string, contentType: string]>> = {
  '/': ['index.html', 'text/html; charset=utf-8'],
  '/style.css': ['style.css', 'text/css; charset=utf-8'],
  '/app.js': ['app.js', 'text/javascript; charset=utf-8'],
  '/ipc.js': ['ipc.js', 'text/javascript; charset=utf-8'],
  '/wav.js': ['wav.js', 'text/javascript; charset=utf-8'],
  '/view.js': ['view.js', 'text/javascript; charset=utf-8'],
  '/language.js': ['language.js', 'text/javascript; charset=utf-8'],
  '/favicon.svg': ['favicon.svg', 'image/svg+xml'],
};

export const PAGE_DIR = path.join(__dirname, 'page');

/**
 * Reads the page once at start, so a missing file fails the launch rather than a request, and
 * adds the error sentences made from the catalogue (`page-sentences.ts`).
 */
export function loadPage(dir: string = PAGE_DIR): ReadonlyMap<string, PageAsset> {
  const page = new Map<string, PageAsset>();
  for (const [urlPath, [file, contentType]] of Object.entries(ASSETS)) {
    page.set(urlPath, { contentType, body: readFileSync(path.join(dir, file)) });
  }
  page.set(PAGE_SENTENCES_PATH, { contentType: 'text/javascript; charset=utf-8', body: pageSentencesModule() });
  return page;
}
