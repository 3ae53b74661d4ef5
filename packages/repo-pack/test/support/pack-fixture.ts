import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REVIEW_TEMPLATE_BYTES } from '../../src/repo/pack-contents';
import { RUBRIC_BYTES } from '../../src/repo/rubric';
import { rawZip, type RawEntry, type RawZipOptions } from './raw-zip';
import { noiseWav } from './wav-file';
import { SAMPLE_TRANSCRIPT } from './world';

export interface FixtureFile {
  name: string;
  role: string;
  mime: string;
  data: Buffer;
}

export interface ManifestJson {
  schema_version: unknown;
  pack_id: unknown;
  created_at: unknown;
  app_version: unknown;
  profile_id?: unknown;
  project_id: unknown;
  run: { run_id: unknown; duration_ms: unknown };
  files: Record<string, unknown>[];
}

/** A filled review, as a reviewer sends it back. */
export const FILLED_REVIEW = {
  free_text: { strengths: 'Clear demo', improvements: 'Slow down' },
  reviewer_tag: '  Alice ',
  rubric_id: 'tech_talk_internal.v1',
  schema_version: '1.0.0',
  scores: { structure: 4, clarity: 5, pacing: 2, audience_fit: 3, examples: 4 },
  timestamps: [{ t_ms: 1200, note: 'nice hook' }],
};

export const PACK_ID = 'pack_0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e';

export interface PackParts {
  files: FixtureFile[];
  manifest: ManifestJson;
}

/** The parts of a valid pack, with a manifest that matches them; mutate either before zipping. */
export function packParts(options: { review?: Buffer; outline?: Buffer; audio?: Buffer } = {}): PackParts {
  const files: FixtureFile[] = [
    { name: 'run/audio.wav', role: 'audio', mime: 'audio/wav', data: options.audio ?? noiseWav(3000, 3) },
    { name: 'run/transcript.json', role: 'transcript', mime: 'application/json', data: SAMPLE_TRANSCRIPT },
    { name: 'run/outline.md', role: 'outline', mime: 'text/markdown', data: options.outline ?? Buffer.from('# Talk\n\n## Plan\n- déjà vu\n') },
    { name: 'rubric/rubric.json', role: 'rubric', mime: 'application/json', data: RUBRIC_BYTES },
    {
      name: 'review/review_template.json',
      role: 'review_template',
      mime: 'application/json',
      data: options.review ?? Buffer.from(JSON.stringify(FILLED_REVIEW, null, 2)),
    },
    { name: 'viewer/index.html', role: 'viewer', mime: 'text/html', data: Buffer.from('<!DOCTYPE html>\n') },
  ];
  const manifest: ManifestJson = {
    schema_version: '1.0.0',
    pack_id: PACK_ID,
    created_at: '2026-03-10T08:00:00.5+00:00',
    app_version: '0.2.14',
    profile_id: 'prof_11111111111111111111111111111111',
    project_id: 'proj_22222222222222222222222222222222',
    run: { run_id: 'run_33333333333333333333333333333333', duration_ms: 3210 },
    files: files.map((f) => ({
      path: f.name,
      role: f.role,
      // The template the pack was exported with: the filled review differs, as in real life.
      sha256: sha256(f.role === 'review_template' ? REVIEW_TEMPLATE_BYTES : f.data),
      bytes: f.role === 'review_template' ? REVIEW_TEMPLATE_BYTES.length : f.data.length,
      mime: f.mime,
    })),
  };
  return { files, manifest };
}

/** Replaces a role's file and lists its true size and SHA-256, as a forger's manifest would. */
export function setRoleData(parts: PackParts, role: string, data: Buffer): void {
  const file = parts.files.find((f) => f.role === role) as FixtureFile;
  file.data = data;
  const listed = parts.manifest.files.find((f) => f['role'] === role) as Record<string, unknown>;
  listed['sha256'] = sha256(data);
  listed['bytes'] = data.length;
}

/** Raw entries of the parts, audio stored and the rest deflated, the manifest last. */
export function packEntries(parts: PackParts = packParts()): RawEntry[] {
  return [
    ...parts.files.map((f) => ({ name: f.name, data: f.data, method: f.role === 'audio' ? 0 : 8 })),
    { name: 'manifest.json', data: Buffer.from(JSON.stringify(parts.manifest, null, 2)) },
  ];
}

export function writeZip(dir: string, name: string, entries: readonly RawEntry[], options?: RawZipOptions): string {
  const path = join(dir, name);
  writeFileSync(path, rawZip(entries, options));
  return path;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
