/** The public face of the workspace context: repository functions and types, never its queries. */
export * from './types';
export * from './repo';
