'use strict';
/**
 * Jest global setup: starts the one ESLint process of the run (eslint-worker.cjs) from the
 * workspace root and tells the specs where it listens, through `WORKSPACE_ESLINT_URL` (the
 * test workers are started after this, with this environment). The config starts loading
 * while Jest starts; eslint-worker-stop.cjs ends the process.
 */
const { fork } = require('node:child_process');
const path = require('node:path');

const workspaceRoot = path.resolve(__dirname, '../../../..');

module.exports = async function startEslintWorker() {
  const worker = fork(path.join(__dirname, 'eslint-worker.cjs'), [], {
    cwd: workspaceRoot,
    // Nx's boundary rule may print a warning on stdout (no cached project graph yet): dropped,
    // as the specs' ESLint processes always did; errors still show.
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const port = await new Promise((resolve, reject) => {
    worker.once('message', (message) => resolve(message.port));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`The ESLint worker exited before listening (code ${code}).`)));
  });
  globalThis.workspaceEslintWorker = worker;
  process.env.WORKSPACE_ESLINT_URL = `http://127.0.0.1:${port}/`;
};
