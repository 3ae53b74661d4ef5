import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PAGE_SENTENCES_PATH, pageSentencesModule } from './page-sentences';

/**
 * The page's policy: everything from this origin only, no inline script or style, no plugins,
 * no framing, no form posts elsewhere. The page loads nothing from the network beyond this server.
 * Media may also come from `blob:` URLs: a memo is played from bytes the page already holds
 * (`audio_read_wav`), never fetched from anywhere.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "media-src 'self' blob:",
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

/** URL path → file of the built page. A fixed list: no request path ever reaches the file system. */
const ASSETS: Readonly<Record<string, readonly [file: string, contentType: string]>> = {
  '/': ['index.html', 'text/html; charset=utf-8'],
  '/style.css': ['style.css', 'text/css; charset=utf-8'],
  '/app.js': ['app.js', 'text/javascript; charset=utf-8'],
  '/favicon.svg': ['favicon.svg', 'image/svg+xml'],
};

/**
 * The page as the desktop build writes it (apps/page bundled into `dist/page/` of this app):
 * found from this file whether it runs from the sources (`src/host/`) or from the host's
 * bundle (`dist/`), as the nearest folder up holding this app's package.json.
 */
export const PAGE_DIR = path.join(appFolder(__dirname), 'dist', 'page');

function appFolder(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${start}`);
  }
}

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
