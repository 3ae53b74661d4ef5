'use strict';
/**
 * Jest global teardown: ends the ESLint process eslint-worker-start.cjs started. A signal, not
 * the closing of the IPC channel: the process may be busy building a TypeScript program, and
 * would only notice the channel closed once done.
 */
module.exports = async function stopEslintWorker() {
  const worker = globalThis.workspaceEslintWorker;
  if (!worker || worker.exitCode !== null || worker.signalCode !== null) return;
  const exited = new Promise((resolve) => worker.once('exit', resolve));
  worker.kill();
  await exited;
};
