#!/usr/bin/env node
'use strict';
/**
 * Makes sure the Chromium that the app host's browser test drives is installed, so that test can
 * never pass by being skipped. `CHROMIUM_PATH` names another Chromium or Chrome executable;
 * otherwise `/usr/bin/chromium` is used and, when it is missing on a Debian-like machine where
 * this runs as root, installed with apt-get. Anywhere else a missing browser is an error that
 * says how to install one. Exit code 0 only when the browser answers `--version`.
 */
const { spawnSync } = require('node:child_process');
const { existsSync } = require('node:fs');

const DEFAULT_PATH = '/usr/bin/chromium';
const APT_GET = '/usr/bin/apt-get';

function version(executable) {
  if (!existsSync(executable)) return null;
  const run = spawnSync(executable, ['--version'], { encoding: 'utf8', timeout: 30000 });
  return run.status === 0 ? run.stdout.trim() : null;
}

function run(command, args) {
  console.log(`$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return result.status === 0;
}

function fail(message) {
  console.error(`ensure-chromium: ${message}`);
  process.exit(1);
}

function main() {
  const given = process.env.CHROMIUM_PATH;
  const executable = given && given.trim() !== '' ? given : DEFAULT_PATH;
  const found = version(executable);
  if (found) {
    console.log(`ensure-chromium: ${executable}: ${found}`);
    return;
  }
  if (executable !== DEFAULT_PATH) fail(`CHROMIUM_PATH=${executable} does not run (\`--version\` failed).`);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync(APT_GET)) {
    fail(
      `Chromium is required for the app host's browser test and ${DEFAULT_PATH} is missing. ` +
        'Install it (Debian: `sudo apt-get install chromium`) or set CHROMIUM_PATH to a Chromium or Chrome executable.',
    );
  }
  if (!run(APT_GET, ['update']) || !run(APT_GET, ['install', '-y', 'chromium'])) fail('apt-get could not install chromium.');
  const installed = version(DEFAULT_PATH);
  if (!installed) fail(`apt-get finished but ${DEFAULT_PATH} does not run.`);
  console.log(`ensure-chromium: installed ${installed}`);
}

main();
