import type { DatabaseTarget } from './database-target-type';

/**
 * How a database is named at the head of its lines: its label and scope, and for a profile
 * its name, `profiles/prof_…/profile.db (profile "Ada")`, so that a person can tell the
 * profiles apart without the app. The name is already printable (`readProfileNames`).
 */
export function targetHeading(target: DatabaseTarget): string {
  if (target.scope === 'profile' && typeof target.profileName === 'string') return `${target.label} (profile "${target.profileName}")`;
  return `${target.label} (${target.scope})`;
}
