import { createQueryBuilder } from '../execution/query-builder';
import type { DB as GlobalSchema } from './global-schema';
import type { DB as ProfileSchema } from './profile-schema';

export type { GlobalSchema, ProfileSchema };

/** Typed builders over the generated schemas: build and compile only, never execute. */
export const globalQueryBuilder = createQueryBuilder<GlobalSchema>();
export const profileQueryBuilder = createQueryBuilder<ProfileSchema>();
