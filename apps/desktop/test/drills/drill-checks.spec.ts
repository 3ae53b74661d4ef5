import { appendFileSync, mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startAppHost, type RunningAppHost } from '../../src/host/app-host';
import { auditDataFolder } from './data-folder-audit';
import { HostClient } from './host-client';
import { readBack } from './read-back';
import { SeededRandom } from './seeded-random';
import { runWriteClient } from './write-traffic';
import { WriteLedger } from './write-ledger';

/**
 * The kill drill's checks can fail: a data folder written by the drill's own client, then
 * damaged on purpose (a lost row, a changed note, a stray file, a temporary file, a missing and
 * a changed artifact file), is reported exactly as damaged.
 */
describe('kill drill checks', () => {
  let root: string;
  let dataDir: string;
  let host: RunningAppHost | undefined;
  let client: HostClient;
  const ledger = new WriteLedger();

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'lepupitre-drill-checks-'));
    dataDir = path.join(root, 'data');
    host = await startAppHost({ dataDir });
    client = new HostClient(host.port, host.token);
    const profileId = await client.read<string>('profile_create', { name: 'Checks' });
    ledger.acknowledge({ command: 'profile_create', profileId, name: 'Checks' }, 0);
    const quests = await client.read<{ code: string }[]>('quest_list', { profileId });
    let ended = false;
    const writing = runWriteClient({ client: 0, round: 1, host: client, random: new SeededRandom(7), ledger, target: { profileId, questCode: quests[0]?.code ?? '' } }).finally(
      () => (ended = true),
    );
    const deadline = Date.now() + 20_000;
    while (!ended && Date.now() < deadline && (ledger.countByCommand()['audio_import_wav'] ?? 0) < 3) await sleep(20);
    // A clean stop ends the client: later calls are refused or not answered.
    await host.close();
    await writing;
    host = await startAppHost({ dataDir });
    client = new HostClient(host.port, host.token);
    await client.read('project_list', { profileId });
  });
  afterAll(async () => {
    await host?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('finds every acknowledged write of an untouched folder', async () => {
    const audit = auditDataFolder(dataDir);
    expect({ stray: audit.stray, temporary: audit.temporary, missing: audit.missing, damaged: audit.damaged }).toEqual({ stray: [], temporary: [], missing: [], damaged: [] });
    expect(audit.integrityFailures).toEqual([]);
    expect(await readBack(client, ledger, audit.artifacts, true)).toEqual({ checked: ledger.entries.length, lost: [] });
  });

  it('reports acknowledged writes that do not read back', async () => {
    const run = ledger.entries.find((e) => e.write.command === 'run_create')?.write;
    const transcript = ledger.entries.find((e) => e.write.command === 'transcript_import')?.write;
    if (run?.command !== 'run_create' || transcript?.command !== 'transcript_import') throw new Error('the client wrote no run');
    const forged = new WriteLedger();
    forged.acknowledge({ ...run, runId: 'run_00000000000000000000000000000000' }, 1);
    forged.acknowledge({ ...transcript, lines: ['what was never said.'] }, 1);
    const sequence = forged.sendNote('fb_00000000000000000000000000000000', 'a note');
    forged.acknowledge({ command: 'feedback_note_set', profileId: run.profileId, projectId: run.projectId, feedbackId: 'fb_00000000000000000000000000000000', note: 'a note', sequence }, 1);

    const { lost } = await readBack(client, forged, auditDataFolder(dataDir).artifacts, true);
    expect(lost).toEqual([
      expect.stringMatching(/^run_create .* run_0{32} \(round 1\): no such run$/),
      expect.stringMatching(/^feedback_note_set .* fb_0{32} \(round 1\): timeline item missing$/),
      expect.stringMatching(/^transcript_import .* \(round 1\): transcript reads \["r1c0f0 /),
      expect.stringMatching(/^feedback_note_set .* fb_0{32} \(round 1\): note reads null$/),
    ]);
  });

  it('reports stray, temporary, missing and changed files, and counts orphaned ones apart', () => {
    const audit = auditDataFolder(dataDir);
    const [first, second] = [...audit.artifacts.values()].filter((a) => a.relpath.startsWith('artifacts/audio/'));
    if (!first || !second) throw new Error('the client imported fewer than two recordings');
    const profileDir = path.join(dataDir, 'profiles', first.profileId);
    writeFileSync(path.join(profileDir, 'artifacts', 'audio', 'stray.wav'), 'RIFF');
    writeFileSync(path.join(profileDir, 'artifacts', 'audio', '.0a1b2c3d.tmp'), 'RI');
    unlinkSync(path.join(profileDir, first.relpath));
    appendFileSync(path.join(profileDir, second.relpath), Buffer.from([0]));
    mkdirSync(path.join(profileDir, 'orphaned', 'artifacts', 'audio'), { recursive: true });
    writeFileSync(path.join(profileDir, 'orphaned', 'artifacts', 'audio', 'old.wav'), 'RIFF');

    const damaged = auditDataFolder(dataDir);
    const rel = (relpath: string): string => `profiles/${first.profileId}/${relpath}`;
    expect(damaged.stray).toEqual([rel('artifacts/audio/stray.wav')]);
    expect(damaged.temporary).toEqual([rel('artifacts/audio/.0a1b2c3d.tmp')]);
    expect(damaged.missing).toEqual([rel(first.relpath)]);
    expect(damaged.damaged).toEqual([rel(second.relpath)]);
    expect(damaged.orphaned).toEqual([rel('orphaned/artifacts/audio/old.wav')]);
  });
});
