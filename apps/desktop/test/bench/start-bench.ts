import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import buildApp = require('../../scripts/build-app.cjs');

/**
 * `npx nx run desktop:bench-start` (also run by `npm run bench`): how long the built app takes
 * to start, against bare Node doing the least the same job needs, measured in turns in the same
 * run so that a busy machine slows both sides alike.
 *
 * - CLI: `lepupitre db status` on a small data folder, against `node` opening the same global
 *   database with better-sqlite3 and reading one pragma. Target: at most 2x.
 * - Host: from spawning `npm start`'s launcher to its page answering, against `node` starting an
 *   HTTP server and answering one request. Target: ready within 0.5 s.
 *
 * Prints medians and ratios; exits 0 whenever it measured, whatever the figures.
 */
const APP_DIR = path.join(__dirname, '..', '..');
const CLI_BIN = path.join(APP_DIR, 'bin', 'lepupitre.cjs');
const HOST_BIN = path.join(APP_DIR, 'bin', 'lepupitre-host.cjs');
const ROUNDS = Number(process.env['LEPUPITRE_BENCH_ROUNDS'] ?? '15');
const URL_LINE = /http:\/\/127\.0\.0\.1:(\d+)\/#token=/;

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};

function timed(args: readonly string[]): number {
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, args, { encoding: 'utf8' });
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  if (run.status !== 0) throw new Error(`${args.join(' ')} failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
  return elapsed;
}

function get(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/', method: 'GET' }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Spawns `args`, waits for a port on stdout, answers one GET /, stops it: milliseconds to the answer. */
function timedServer(args: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let answered = false;
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = URL_LINE.exec(output);
      if (!match || answered) return;
      answered = true;
      get(Number(match[1])).then(
        (status) => {
          const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
          child.once('exit', () => (status === 200 ? resolve(elapsed) : reject(new Error(`GET / answered ${status}`))));
          child.kill('SIGTERM');
        },
        (error: unknown) => {
          child.kill('SIGKILL');
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      if (!answered) reject(new Error(`exited (${code}) before answering:\n${output}`));
    });
  });
}

async function main(): Promise<void> {
  buildApp();
  const root = mkdtempSync(path.join(tmpdir(), 'lepupitre-start-bench-'));
  try {
    const dataDir = path.join(root, 'data');
    const env: NodeJS.ProcessEnv = { ...process.env, HOME: root };
    delete env['LEPUPITRE_DATA_DIR'];
    timed([CLI_BIN, 'db', 'migrate', '--data-dir', dataDir]);
    const database = path.join(dataDir, 'global.db');
    const bare = ['-e', `const D = require('better-sqlite3'); const db = new D(${JSON.stringify(database)}, { readonly: true }); db.pragma('user_version'); db.close();`];
    const bareServer = ['-e', "const s = require('node:http').createServer((q, r) => r.end('ok')); s.listen(0, '127.0.0.1', () => console.log(`  http://127.0.0.1:${s.address().port}/#token=x`)); process.on('SIGTERM', () => s.close());"];
    const cli = [CLI_BIN, 'db', 'status', '--data-dir', dataDir];
    const host = [HOST_BIN, '--data-dir', dataDir];

    // One unmeasured run each: the first run of a build writes its compile cache.
    timed(cli);
    await timedServer(host, env);
    const samples = { bare: [] as number[], cli: [] as number[], bareServer: [] as number[], host: [] as number[] };
    for (let round = 0; round < ROUNDS; round++) {
      samples.bare.push(timed(bare));
      samples.cli.push(timed(cli));
      samples.bareServer.push(await timedServer(bareServer, env));
      samples.host.push(await timedServer(host, env));
    }
    const [bareMs, cliMs, bareServerMs, hostMs] = [samples.bare, samples.cli, samples.bareServer, samples.host].map(median) as [number, number, number, number];
    const line = (name: string, ms: number, baseline: number, target: string): string =>
      `${name.padEnd(44)} ${ms.toFixed(0).padStart(5)} ms  ${(ms / baseline).toFixed(2).padStart(5)}x baseline  (${target})`;
    console.log(`start-up, median of ${ROUNDS} rounds, turns interleaved; load average ${loadavg()[0]?.toFixed(2) ?? '?'}`);
    console.log(line('node + better-sqlite3 open (CLI baseline)', bareMs, bareMs, 'baseline'));
    console.log(line('lepupitre db status', cliMs, bareMs, `target <= 2.00x: ${cliMs / bareMs <= 2 ? 'met' : 'NOT met'}`));
    console.log(line('node http server answers (host baseline)', bareServerMs, bareServerMs, 'baseline'));
    console.log(line('app host answers its page', hostMs, bareServerMs, `target <= 500 ms: ${hostMs <= 500 ? 'met' : 'NOT met'}`));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
