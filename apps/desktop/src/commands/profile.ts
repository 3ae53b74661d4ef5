import { diagnoseDatabase, type DatabaseDiagnostics } from '@lepupitre/db-ops';
import { createProfile, deleteProfile, listProfiles, profileDatabasePath, renameProfile, switchProfile } from '@lepupitre/repo-workspace';
import { z } from 'zod';
import { defineCommand, type AnyCommand } from './command';
import { Id, NullableText, ProfileRequest, Text, VoidResponse } from './wire-schemas';

/** `profile_create` / `profile_rename`: the UI trims and keeps names to 1–80 characters. */
const ProfileName = z.string().min(1).max(80);

const ProfileSummary = z.object({
  id: Text,
  name: Text,
  created_at: Text,
  last_opened_at: NullableText,
  is_active: z.boolean(),
  size_bytes: z.number().int().nonnegative(),
  talks_count: z.number().int().nonnegative(),
});

/** One database's diagnostics, camelCase on the wire: metadata only, never a path or a row. */
const Diagnostics = z.object({
  scope: z.enum(['global', 'profile']),
  schemaVersion: z.string().nullable(),
  latestMigration: z.string().nullable(),
  appliedMigrationCount: z.number().int().nonnegative(),
  expectedMigrationCount: z.number().int().nonnegative(),
  continuityOk: z.boolean(),
  continuityError: z.string().nullable(),
  integrityCheck: z.string(),
  foreignKeyViolations: z.number().int().nonnegative(),
});

export const profileList = defineCommand({
  name: 'profile_list',
  request: z.object({}),
  response: z.array(ProfileSummary),
  // The host's open databases are counted on their connections; the others are opened for the count, as before.
  handler: (_request, context) => listProfiles(context.global(), context.dataDir, { heldDatabase: (id) => context.heldProfileDatabase(id) }),
});

export const profileCreate = defineCommand({
  name: 'profile_create',
  request: z.object({ name: ProfileName }),
  response: Id,
  handler: ({ name }, context) => {
    const id = createProfile(context.global(), context.dataDir, name);
    // Creating implies switching: the new profile's database is the one the UI uses next.
    context.profile(id);
    return id;
  },
});

export const profileSwitch = defineCommand({
  name: 'profile_switch',
  request: ProfileRequest,
  response: VoidResponse,
  handler: ({ profileId }, context) => {
    // The host's open goes first: it recovers a damaged database, which the switch's own open
    // would refuse, and an unknown profile or an unusable file leaves the active profile as it was.
    context.profile(profileId);
    switchProfile(context.global(), context.dataDir, profileId);
    return null;
  },
});

export const profileRename = defineCommand({
  name: 'profile_rename',
  request: z.object({ profileId: Id, name: ProfileName }),
  response: VoidResponse,
  handler: ({ profileId, name }, context) => {
    renameProfile(context.global(), profileId, name);
    return null;
  },
});

export const profileDelete = defineCommand({
  name: 'profile_delete',
  request: ProfileRequest,
  response: VoidResponse,
  handler: ({ profileId }, context) => {
    // The folder moves aside: its database must not stay open in this process.
    context.releaseProfile(profileId);
    deleteProfile(context.global(), context.dataDir, profileId);
    return null;
  },
});

export const profileDbDiagnostics = defineCommand({
  name: 'profile_db_diagnostics',
  request: z.object({ profileId: Id.nullish() }),
  response: z.object({ global: Diagnostics, profile: Diagnostics.nullable() }),
  handler: ({ profileId }, context) => {
    // Opening first brings the global database up to date, as the previous app's diagnostics did.
    context.global();
    const global = wireDiagnostics(diagnoseDatabase(context.globalDatabasePath, 'global'));
    if (profileId === null || profileId === undefined) return { global, profile: null };
    // Opening first brings the database up to date, as the previous app's diagnostics did.
    context.profile(profileId);
    // The contract has no field for the artifact files (`integrityCheck` is SQLite's verdict),
    // so they are not read here: `lepupitre db doctor` checks them.
    const profile = diagnoseDatabase(profileDatabasePath(context.dataDir, profileId), 'profile', { artifacts: 'none' });
    return { global, profile: wireDiagnostics(profile) };
  },
});

/** The previous contract's nine fields, nothing else (no backup or quarantine details). */
function wireDiagnostics(diagnostics: DatabaseDiagnostics): z.input<typeof Diagnostics> {
  return {
    scope: diagnostics.scope,
    schemaVersion: diagnostics.schemaVersion,
    latestMigration: diagnostics.latestMigration,
    appliedMigrationCount: diagnostics.appliedMigrationCount,
    expectedMigrationCount: diagnostics.expectedMigrationCount,
    continuityOk: diagnostics.continuityOk,
    continuityError: diagnostics.continuityError,
    integrityCheck: diagnostics.integrityCheck,
    foreignKeyViolations: diagnostics.foreignKeyViolations,
  };
}

export const PROFILE_COMMANDS: readonly AnyCommand[] = [
  profileList,
  profileCreate,
  profileSwitch,
  profileRename,
  profileDelete,
  profileDbDiagnostics,
];
