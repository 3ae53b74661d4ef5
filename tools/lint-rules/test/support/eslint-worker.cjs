'use strict';
/**
 * One ESLint for every spec of a Jest run: `new ESLint({ cwd: <workspace root> })` with the root
 * eslint.config.mjs, as `npx eslint` and `nx lint` run it, kept alive in this Node process and
 * asked over HTTP on 127.0.0.1. Loading the config (the plugins, this plugin's TypeScript
 * source) and building the desktop app's TypeScript program for the type-aware rules take
 * seconds each; a process per spec paid them once per spec, this one pays them once per run.
 * It is a process of its own because Jest's module sandbox cannot load an ES-module config.
 *
 * Started by the Jest config's global setup (eslint-worker-start.cjs), which passes the port
 * on through the IPC channel; it exits when that channel closes, so a Jest run that dies does
 * not leave it behind. Requests are answered one at a time, in the order they arrive.
 *
 * A request (JSON) may ask for:
 * - `texts`: `lintText(text, { filePath })` for each, paths relative to the workspace root;
 *   nothing is written into the source tree.
 * - `filesMatching`: `lintFiles(patterns)`, the files on disk.
 * - `configsOf`: the rules and parser options ESLint computes for each path.
 *
 * A text linted under the path of a file of the typed project replaces that file's contents in
 * the TypeScript program, and the program keeps it: after answering a request, the worker
 * lints those files again with their text on disk, so that every request sees the files as
 * they are, as a process of its own would. (A text under the path of no file on disk stays.)
 */
const { ESLint } = require('eslint');
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');

const eslint = new ESLint({ cwd: process.cwd() });
// Load the config now, while Jest starts, rather than on the first request. A config that fails
// to load fails that request instead, with ESLint's own error.
const configLoaded = eslint.calculateConfigForFile(path.resolve('eslint.config.mjs')).catch(() => undefined);

const resultOf = ({ filePath, messages }) => ({ filePath, messages });

async function fileConfigOf(absolute) {
  const config = (await eslint.calculateConfigForFile(absolute)) ?? {};
  return { rules: config.rules ?? {}, parserOptions: (config.languageOptions && config.languageOptions.parserOptions) ?? {} };
}

/** Set when putting a typed file back failed: the program no longer matches the disk. */
let programError;

/** The request's answer; adds to `typedTexts` each typed file it lints a text under. */
async function answer(request, typedTexts) {
  await configLoaded;
  if (programError) throw programError;
  const results = [];
  for (const { text, filePath } of request.texts ?? []) {
    const absolute = path.resolve(filePath);
    const [result] = await eslint.lintText(text, { filePath: absolute });
    results.push(resultOf(result));
    if ((await fileConfigOf(absolute)).parserOptions.projectService) typedTexts.add(absolute);
  }
  const patterns = request.filesMatching ?? [];
  const files = patterns.length === 0 ? [] : (await eslint.lintFiles(patterns)).map(resultOf);
  const configs = [];
  for (const filePath of request.configsOf ?? []) configs.push(await fileConfigOf(path.resolve(filePath)));
  return { results, files, configs };
}

/** Lints each file with its text on disk, which puts that text back into the TypeScript program. */
async function putBack(typedTexts) {
  for (const absolute of typedTexts) {
    if (fs.existsSync(absolute)) await eslint.lintText(fs.readFileSync(absolute, 'utf8'), { filePath: absolute });
  }
}

let queue = Promise.resolve();
const server = http.createServer((request, response) => {
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    queue = queue.then(async () => {
      const typedTexts = new Set();
      try {
        const body = JSON.stringify(await answer(JSON.parse(Buffer.concat(chunks).toString('utf8')), typedTexts));
        // No keep-alive: a socket the server closes while the client reuses it fails the request.
        response.writeHead(200, { 'content-type': 'application/json', connection: 'close' }).end(body);
      } catch (error) {
        response.writeHead(500, { 'content-type': 'text/plain', connection: 'close' }).end(String((error && error.stack) || error));
      }
      // After answering: the spec goes on while the program is put back, before the next request.
      await putBack(typedTexts).catch((error) => {
        programError = error;
      });
    });
  });
});

server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
process.on('disconnect', () => process.exit(0));
