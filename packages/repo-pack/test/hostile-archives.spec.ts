import { captureWorld } from '@lepupitre/testing';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { PACK_LIMITS, type PackLimits } from '../src';
import { importPeerReviewPack } from './support/command-import';
import { FILLED_REVIEW, packEntries, packParts, type PackParts } from './support/pack-fixture';
import { rawZip, SYMLINK_ATTRIBUTES, unicodePathExtra, type RawEntry } from './support/raw-zip';
import { fixedNow, openProfile, seedRun, useTempDirs } from './support/world';

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
  { title: 'another schema version', code: 'manifest_schema_mismatch', reason: 'schema_version', archive: () => manifestEdit((m) => (m['schema_version'] = '2.0.0')) },
  {
    title: 'a role listed twice',
    code: 'manifest_duplicate_role',
    reason: 'role',
    archive: () => withParts((p) => p.manifest.files.push({ ...fileOf(p, 'viewer'), path: 'viewer/other.html' })),
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
];

function mkdirAt(path: string): string {
  mkdirSync(path);
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
