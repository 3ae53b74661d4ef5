import type { Migration } from '../migration';
import init from './0001_init';
import uniqueProfileNames from './0002_unique_profile_names';
import profileIndexes from './0003_profile_indexes';
import nameBlankProfiles from './0004_name_blank_profiles';

/** The global scope's history, in order. Append only: ids and content are frozen once shipped. */
export const GLOBAL_MIGRATIONS: readonly Migration[] = [init, uniqueProfileNames, profileIndexes, nameBlankProfiles];
