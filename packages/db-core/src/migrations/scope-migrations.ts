import type { DatabaseScope } from '../execution/database-handle';
import { GLOBAL_MIGRATIONS } from './global';
import type { Migration } from './migration';
import { PROFILE_MIGRATIONS } from './profile';

export const MIGRATIONS: Readonly<Record<DatabaseScope, readonly Migration[]>> = {
  global: GLOBAL_MIGRATIONS,
  profile: PROFILE_MIGRATIONS,
};

/**
 * A table every database of the scope has had since its first build. A file holding tables but
 * not this one belongs to the other scope (or to another program) and is refused rather than
 * given a second schema.
 */
export const SCOPE_SIGNATURE_TABLE: Readonly<Record<DatabaseScope, string>> = {
  global: 'profiles',
  profile: 'talk_projects',
};

export const DATABASE_SCOPES: readonly DatabaseScope[] = ['global', 'profile'];

export function isDatabaseScope(value: unknown): value is DatabaseScope {
  return value === 'global' || value === 'profile';
}
