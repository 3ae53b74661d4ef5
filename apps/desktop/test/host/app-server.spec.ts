import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { MAX_IMPORTED_WAV_BASE64_CHARS } from '../../src/commands/audio';
import { sentenceOf } from '../../src/errors/error-sentence';
import { ERROR_SENTENCES, FALLBACK_SENTENCE } from '../../src/errors/error-sentences';
import { DEFAULT_MAX_BODY_BYTES } from '../../src/host/request-body';
import { createAppServer } from '../../src/host/app-server';
import { loadPage, PAGE_DIR } from '../../src/host/static-page';
import { createLaunchToken } from '../../src/host/token';
import { call, ipc } from './http-client';

/**
 * The HTTP layer over a recording stand-in for the router: every refusal must happen before the
 * router is reached, which only a stand-in that counts its calls can show.
 */
describe('app server (HTTP layer)', () => {
  const token = createLaunchToken();
  const invoked: { name: string; payload: unknown }[] = [];
  const router = {
    invoke: (name: string, payload?: unknown) => {
      invoked.push({ name, payload });
      return Promise.resolve({ ok: true as const, data: { echo: name } });
    },
  };
  const MAX_BODY = 1024;
  let server: Server;
  let port: number;
  const auth = (): Record<string, string> => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    server = createAppServer({ router, token, page: loadPage(), maxBodyBytes: MAX_BODY });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.close();
    await once(server, 'close');
  });
  beforeEach(() => {
    invoked.length = 0;
  });

  it('passes an authorised call to the router and returns its result as JSON', async () => {
    const answer = await ipc(port, 'profile_list', { a: 1 }, auth());
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(answer.json).toEqual({ ok: true, data: { echo: 'profile_list' } });
    expect(invoked).toEqual([{ name: 'profile_list', payload: { a: 1 } }]);
  });

  it('gives the router no payload for an empty body (it then takes {})', async () => {
    const answer = await call(port, { method: 'POST', path: '/ipc/profile_list', headers: { ...auth(), 'Content-Type': 'application/json', Host: `localhost:${port}` } });
    expect(answer.status).toBe(200);
    expect(invoked).toEqual([{ name: 'profile_list', payload: undefined }]);
  });

  it.each([
    ['no Authorization header', {}],
    ['a wrong token', { Authorization: `Bearer ${createLaunchToken()}` }],
    ['a prefix of the token', { Authorization: `Bearer ${token.slice(0, 32)}` }],
    ['the token without the Bearer scheme', { Authorization: token }],
    ['the token in another header', { 'X-Token': token }],
  ])('refuses a call with %s: 401 and the router never runs', async (_case, headers: Record<string, string>) => {
    const answer = await ipc(port, 'profile_create', { name: 'Mallory' }, headers);
    expect(answer.status).toBe(401);
    expect(answer.headers['www-authenticate']).toBe('Bearer');
    expect(answer.json).toEqual({ ok: false, error: { code: 'HOST_UNAUTHORIZED', message: expect.any(String), sentence: sentenceOf('HOST_UNAUTHORIZED') } });
    expect(invoked).toEqual([]);
  });

  it('ignores a token in the query string', async () => {
    const answer = await call(port, { method: 'POST', path: `/ipc/profile_list?token=${token}`, headers: { Host: `127.0.0.1:${port}`, 'Content-Type': 'application/json' } });
    expect(answer.status).toBe(401);
    expect(invoked).toEqual([]);
  });

  it.each([
    ['another name', () => 'rebound.example.com'],
    ['another name on this port', () => `attacker.test:${port}`],
    ['this address on another port', () => `127.0.0.1:${port + 1}`],
    ['the address without the port', () => '127.0.0.1'],
    ['IPv6 loopback', () => `[::1]:${port}`],
  ])('refuses a Host header naming %s (DNS rebinding), even with the token', async (_case, hostOf: () => string) => {
    const host = hostOf();
    const answer = await ipc(port, 'profile_list', {}, { ...auth(), Host: host });
    expect(answer.status).toBe(403);
    expect(answer.json).toMatchObject({ ok: false, error: { code: 'HOST_WRONG_HOST' } });
    expect(invoked).toEqual([]);
    const page = await call(port, { path: '/', headers: { Host: host } });
    expect(page.status).toBe(403);
  });

  it('answers to localhost:<port> as well as 127.0.0.1:<port>', async () => {
    expect((await ipc(port, 'profile_list', {}, { ...auth(), Host: `localhost:${port}` })).status).toBe(200);
    expect((await ipc(port, 'profile_list', {}, { ...auth(), Host: `LOCALHOST:${port}` })).status).toBe(200);
  });

  it('refuses a cross-origin request and accepts its own origin', async () => {
    for (const origin of ['https://evil.example', `http://attacker.test:${port}`, 'null', `https://127.0.0.1:${port}`]) {
      const answer = await ipc(port, 'profile_list', {}, { ...auth(), Origin: origin });
      expect(answer.status).toBe(403);
      expect(answer.json).toMatchObject({ error: { code: 'HOST_CROSS_ORIGIN' } });
    }
    expect(invoked).toEqual([]);
    expect((await ipc(port, 'profile_list', {}, { ...auth(), Origin: `http://127.0.0.1:${port}` })).status).toBe(200);
    expect((await ipc(port, 'profile_list', {}, { ...auth(), Origin: `http://localhost:${port}` })).status).toBe(200);
  });

  it('refuses a body that is not declared as JSON', async () => {
    const answer = await ipc(port, 'profile_list', {}, { ...auth(), 'Content-Type': 'text/plain' });
    expect(answer.status).toBe(415);
    expect(answer.json).toMatchObject({ error: { code: 'HOST_UNSUPPORTED_MEDIA_TYPE' } });
    expect(invoked).toEqual([]);
  });

  it('refuses a body over the limit with 413, declared or streamed, and accepts one at the limit', async () => {
    const headers = { ...auth(), 'Content-Type': 'application/json', Host: `127.0.0.1:${port}` };
    const declared = await call(port, { method: 'POST', path: '/ipc/audio_import_wav', headers, body: `"${'a'.repeat(MAX_BODY - 1)}"` });
    expect(declared.status).toBe(413);
    expect(declared.json).toMatchObject({ ok: false, error: { code: 'HOST_PAYLOAD_TOO_LARGE' } });
    const streamed = await call(port, { method: 'POST', path: '/ipc/audio_import_wav', headers, body: ['"', 'a'.repeat(600), 'a'.repeat(600), '"'] });
    expect(streamed.status).toBe(413);
    expect(invoked).toEqual([]);
    const atLimit = await call(port, { method: 'POST', path: '/ipc/audio_import_wav', headers, body: `"${'a'.repeat(MAX_BODY - 2)}"` });
    expect(atLimit.status).toBe(200);
    expect(invoked).toHaveLength(1);
  });

  it('refuses a body that is not JSON with 400', async () => {
    const headers = { ...auth(), 'Content-Type': 'application/json', Host: `127.0.0.1:${port}` };
    for (const body of ['{"name":', Buffer.from([0x22, 0xff, 0x22])]) {
      const answer = await call(port, { method: 'POST', path: '/ipc/profile_create', headers, body });
      expect(answer.status).toBe(400);
      expect(answer.json).toMatchObject({ error: { code: 'HOST_INVALID_JSON' } });
    }
    expect(invoked).toEqual([]);
  });

  it('allows only POST for commands and only GET for the page', async () => {
    const get = await call(port, { path: '/ipc/profile_list', headers: { ...auth(), Host: `127.0.0.1:${port}` } });
    expect(get.status).toBe(405);
    expect(get.headers['allow']).toBe('POST');
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS']) {
      const answer = await call(port, { method, path: '/', headers: { Host: `127.0.0.1:${port}` } });
      expect(answer.status).toBe(405);
      expect(answer.headers['allow']).toBe('GET');
    }
    expect(invoked).toEqual([]);
  });

  it('says it is this app and which process, without the token and without anything else', async () => {
    const answer = await call(port, { path: '/health', headers: { Host: `127.0.0.1:${port}` } });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ app: 'lepupitre-host', pid: process.pid });
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(answer.headers['access-control-allow-origin']).toBeUndefined();
    expect((await call(port, { path: '/health', headers: { Host: 'rebound.example.com' } })).status).toBe(403);
    expect((await call(port, { path: '/health', headers: { Host: `127.0.0.1:${port}`, Origin: 'http://attacker.test' } })).status).toBe(403);
    const post = await call(port, { method: 'POST', path: '/health', headers: { Host: `127.0.0.1:${port}` } });
    expect([post.status, post.headers['allow']]).toEqual([405, 'GET']);
    expect(invoked).toEqual([]);
  });

  it('serves nothing outside the page, whatever the path', async () => {
    for (const requestPath of ['/index.html', '/../package.json', '/%2e%2e/package.json', '/page/app.js', '/app-server.ts', '/ipc', '/favicon.ico']) {
      const answer = await call(port, { path: requestPath, headers: { Host: `127.0.0.1:${port}` } });
      expect([requestPath, answer.status]).toEqual([requestPath, 404]);
    }
  });

  it('decodes the command name from the path', async () => {
    await ipc(port, 'profile%5Flist', {}, auth());
    expect(invoked.map((entry) => entry.name)).toEqual(['profile_list']);
  });

  it('serves the page with a strict Content-Security-Policy and no inline script or style', async () => {
    const answer = await call(port, { path: '/', headers: { Host: `127.0.0.1:${port}` } });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
    const csp = String(answer.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    // `blob:` is for media only (a memo played from bytes the page holds), never for scripts.
    expect(csp.split('; ').filter((directive) => directive.includes('blob:'))).toEqual(["media-src 'self' blob:"]);
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.headers['referrer-policy']).toBe('no-referrer');
    expect(answer.text).toContain('<script type="module" src="/app.js"></script>');
    expect(answer.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(answer.text).not.toMatch(/<style|\sstyle=|\son[a-z]+=/i);
  });

  it('serves every file the page refers to, with its type, and refers to nothing off this server', async () => {
    const pageFiles = readdirSync(PAGE_DIR);
    const served = { 'app.js': 'text/javascript', 'style.css': 'text/css', 'favicon.svg': 'image/svg+xml' };
    expect(pageFiles.sort()).toEqual([...Object.keys(served), 'index.html'].sort());
    for (const [file, type] of Object.entries(served)) {
      const answer = await call(port, { path: `/${file}`, headers: { Host: `127.0.0.1:${port}` } });
      expect([file, answer.status, String(answer.headers['content-type']).split(';')[0]]).toEqual([file, 200, type]);
      expect(answer.headers['content-security-policy']).toBeDefined();
    }
    // The bundle names only XML namespaces (SVG, MathML) and Vue's own documentation in its
    // error texts: addresses it never requests (the browser tests fail on any off-host request).
    const addresses = (text: string) => [...new Set(text.match(/(?:https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}/gi) ?? [])].sort();
    for (const file of pageFiles) {
      const text = readFileSync(path.join(PAGE_DIR, file), 'utf8');
      const allowed = file === 'app.js' ? ['http://www.w3.org', 'https://vuejs.org'] : file === 'favicon.svg' ? ['http://www.w3.org'] : [];
      expect([file, addresses(text).filter((address) => !allowed.includes(address))]).toEqual([file, []]);
    }
  });

  it("builds the page from sources that never parse text as HTML or code", () => {
    const sources = path.join(__dirname, '..', '..', '..', 'page');
    const files = readdirSync(path.join(sources, 'src'), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts'))
      .map((file) => path.join(sources, 'src', file));
    expect(files.length).toBeGreaterThan(10);
    for (const file of [...files, path.join(sources, 'index.html'), path.join(sources, 'style.css')]) {
      const text = readFileSync(file, 'utf8');
      expect([path.basename(file), /innerHTML|outerHTML|insertAdjacentHTML|eval\(|new Function|v-html/.test(text)]).toEqual([path.basename(file), false]);
    }
  });

  it('serves the error sentences to the page as a module made from the one catalogue', async () => {
    const answer = await call(port, { path: '/error-sentences.js', headers: { Host: `127.0.0.1:${port}` } });
    expect([answer.status, String(answer.headers['content-type']).split(';')[0]]).toEqual([200, 'text/javascript']);
    expect(answer.headers['content-security-policy']).toBeDefined();
    const exported = Object.fromEntries(
      [...answer.text.matchAll(/^export const (\w+) = Object\.freeze\((.*)\);$/gm)].map(([, name, json]) => [name, JSON.parse(json as string) as unknown]),
    );
    expect(exported).toEqual({ ERROR_SENTENCES, FALLBACK_SENTENCE });
    expect(answer.text).not.toMatch(/(?:https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}/i);
  });
});

describe('app server body limit', () => {
  it('carries the largest WAV audio_import_wav accepts, base64 in its JSON payload', () => {
    const payloadOverhead = JSON.stringify({ profileId: `prof_${'0'.repeat(32)}`, wavBase64: '' }).length;
    expect(DEFAULT_MAX_BODY_BYTES).toBeGreaterThanOrEqual(MAX_IMPORTED_WAV_BASE64_CHARS + payloadOverhead);
  });
});
