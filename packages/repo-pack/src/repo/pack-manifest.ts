import { z } from 'zod';
import type { PackManifest, PackManifestFile, PackRole } from '../types';
import { PackArchiveError, PackErrorCode, type PackErrorCodeValue } from './pack-errors';

export const PACK_SCHEMA_VERSION = '1.0.0';
export const MANIFEST_ENTRY = 'manifest.json';

/**
 * Identifiers and stamps read from a foreign manifest. Non-empty, because the UI's schema
 * refuses empty ones (an empty `pack_id` passed the previous backend and then broke the
 * inspect screen); bounded, because they end up in titles and rows.
 */
const label = z.string().min(1).max(256);
/** `Peer review: <pack id>` becomes a talk title, and talk titles stop at 120 characters. */
export const MAX_PACK_ID_LENGTH = 120 - 'Peer review: '.length;

const manifestFileSchema = z.object({
  path: z.string().max(1024),
  role: z.string().max(64),
  sha256: z.string().max(128),
  bytes: z.int().min(0),
  mime: label,
});

/** Unknown keys are ignored, as the previous app's typed parse ignored them. */
const manifestSchema = z.object({
  schema_version: z.string().max(64),
  pack_id: z.string().min(1).max(MAX_PACK_ID_LENGTH),
  created_at: label,
  app_version: label,
  profile_id: label.nullable().optional(),
  project_id: label,
  run: z.object({ run_id: label, duration_ms: z.int() }),
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

/** Parses `manifest.json`: strict UTF-8 JSON, the schema, the version, one file per role. */
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
