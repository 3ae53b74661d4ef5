/** The public face of the feedback context: repository functions and types, never its queries. */
export * from './types';
export * from './repo';
