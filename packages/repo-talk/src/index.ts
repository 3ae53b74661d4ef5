/** The public face of the talk context: repository functions and types, never its queries. */
export * from './types';
export * from './repo';
