import { z } from 'zod';
import type { PackManifest, PackManifestFile, PackRole } from '../types';
import { hasControlCharacter } from './control-characters';
import { PackArchiveError, PackErrorCode, type PackErrorCodeValue } from './pack-errors';

export const PACK_SCHEMA_VERSION = '1.0.0';
export const MANIFEST_ENTRY = 'manifest.json';

/**
 * Every string of a manifest is free of control characters: `pack_id` becomes a talk title and
 * `created_at` a run's stamp, shown by every list and printed by the operator tool, where an
 * escape code would act on the terminal.
 */
const text = (max: number) => z.string().max(max).refine((value) => !hasControlCharacter(value), 'control character');

/**
 * Identifiers and stamps read from a foreign manifest. Non-empty, because the UI's schema
 * refuses empty ones (an empty `pack_id` passed the previous backend and then broke the
 * inspect screen); bounded, because they end up in titles and rows.
 */
const label = text(256).min(1);
/** `Peer review: <pack id>` becomes a talk title, and talk titles stop at 120 characters. */
export const MAX_PACK_ID_LENGTH = 120 - 'Peer review: '.length;

const manifestFileSchema = z.object({
  path: text(1024),
  role: text(64),
  sha256: text(128),
  bytes: z.int().min(0),
  mime: label,
});

/**
 * Unknown keys are ignored, as the previous app's typed parse ignored them. A duration is a
 * length of time: a negative one (which the previous app let through) is refused.
 */
const manifestSchema = z.object({
  schema_version: text(64),
  pack_id: text(MAX_PACK_ID_LENGTH).min(1),
  created_at: label,
  app_version: label,
  profile_id: label.nullable().optional(),
  project_id: label,
  run: z.object({ run_id: label, duration_ms: z.int().min(0) }),
  files: z.array(manifestFileSchema).max(64),
});

/** Required roles in the order they are checked, with the code for each one missing. */
const REQUIRED_ROLES: readonly (readonly [PackRole, PackErrorCodeValue])[] = [
  ['audio', PackErrorCode.MANIFEST_MISSING_AUDIO],
  ['transcript', PackErrorCode.MANIFEST_MISSING_TRANSCRIPT],
  ['outline', PackErrorCode.MANIFEST_MISSING_OUTLINE],
  ['rubric', PackErrorCode.MANIFEST_MISSING_RUBRIC],
  ['review_template', PackErrorCode.MANIFEST_MISSING_REVIEW],
];

export const PACK_ROLES: readonly PackRole[] = REQUIRED_ROLES.map(([role]) => role);

/**
 * Parses `manifest.json`: strict UTF-8 JSON, the schema, the version, one file per role, one
 * role per file (roles pointing at one entry would have it read, held and stored once per role:
 * a small pack amplified into hundreds of megabytes written).
 */
export function parseManifest(bytes: Buffer): { manifest: PackManifest; byRole: ReadonlyMap<string, PackManifestFile> } {
  let json: unknown;
  try {
    json = JSON.parse(decodeUtf8(bytes));
  } catch (error) {
    throw new PackArchiveError(PackErrorCode.MANIFEST_PARSE_FAILED, 'json', { cause: error });
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) throw new PackArchiveError(PackErrorCode.MANIFEST_PARSE_FAILED, 'schema', { cause: parsed.error });
  const data = parsed.data;
  const manifest: PackManifest = {
    schema_version: data.schema_version,
    pack_id: data.pack_id,
    created_at: data.created_at,
    app_version: data.app_version,
    profile_id: data.profile_id ?? null,
    project_id: data.project_id,
    run: { run_id: data.run.run_id, duration_ms: data.run.duration_ms },
    files: data.files.map((f) => ({ path: f.path, role: f.role, sha256: f.sha256, bytes: f.bytes, mime: f.mime })),
  };
  if (manifest.schema_version !== PACK_SCHEMA_VERSION) {
    throw new PackArchiveError(PackErrorCode.MANIFEST_SCHEMA_MISMATCH, 'schema_version');
  }
  const byRole = new Map<string, PackManifestFile>();
  for (const file of manifest.files) {
    if (byRole.has(file.role)) throw new PackArchiveError(PackErrorCode.MANIFEST_DUPLICATE_ROLE, 'role');
    byRole.set(file.role, file);
  }
  const paths = new Set<string>();
  for (const file of manifest.files) {
    if (paths.has(file.path)) throw new PackArchiveError(PackErrorCode.MANIFEST_DUPLICATE_PATH, 'path');
    paths.add(file.path);
  }
  for (const [role, code] of REQUIRED_ROLES) {
    if (!byRole.has(role)) throw new PackArchiveError(code, role);
  }
  return { manifest, byRole };
}

/** Pretty-printed like the previous app (two spaces, no trailing newline), keys in manifest order. */
export function serializeManifest(manifest: PackManifest): string {
  return JSON.stringify(manifest, null, 2);
}

/** Strict UTF-8: invalid sequences are an error, not replacement characters. A BOM is kept. */
export function decodeUtf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
}
