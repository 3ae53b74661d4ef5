/** The public face of the pack context: repository functions and types, never its queries. */
export * from './types';
export * from './repo';
